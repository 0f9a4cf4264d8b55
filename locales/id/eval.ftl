# Jawaban, penjelasan dan hasil uji penafsir (src/eval): bahasa Indonesia. Setiap pesan di sini
# ada juga di locales/en/eval.ftl, dengan variabel yang sama (src/msg/tests.rs).

# Jawaban ($status: `exempt` atau `baseline`)
condition-always = selalu
summary-day-off = hari libur
summary-day-off-because = hari libur ({ $reason })
summary-conflict = bertentangan
summary-status = { $status ->
        [exempt] dikecualikan
       *[baseline] ketentuan dasar
    }, WFO { $wfo }
note-government-unscoped = tidak ada surat edaran yang menyebut pemerintah ini dalam cakupannya

# Langkah-langkah penggabungan ($rules: aturan sebagaimana disebut `rule-of`; $level:
# `national`, `provincial` atau `local`)
rule-of = `{ $rule }` dari { $circular }
rules-named = { $n ->
        [1] aturan
       *[other] aturan-aturan
    } { $rules }
lex-superior-agree = lex superior: hasil tingkat { $level ->
        [national] nasional
        [provincial] provinsi
       *[local] kabupaten/kota
    } (WFO { $lower }) masih dalam batas norma yang lebih tinggi (WFO { $higher }): bersama-sama WFO { $both }
lex-superior-prevails = lex superior: { $n ->
        [1] aturan
       *[other] aturan-aturan
    } tingkat { $level ->
        [national] nasional
        [provincial] provinsi
       *[local] kabupaten/kota
    } { $rules } (WFO { $lower }) bertentangan dengan norma yang lebih tinggi (WFO { $higher }), yang berlaku
agreement = { $circular } sejalan dengan surat edaran sebelumnya pada tingkatnya (WFO { $next } dan WFO { $current }): bersama-sama WFO { $both }
lex-posterior = lex posterior: { $later } (ditandatangani { $signed }) berlaku di atas { $rules } yang lebih dahulu (WFO { $current })
antinomy-note = antinomi: { $earlier } (WFO { $current }) dan { $later } (WFO { $next }) saling bertentangan; { $why ->
        [same-day] ditandatangani pada hari yang sama, jadi lex posterior tidak dapat memutuskan
       *[special] yang lebih dahulu lebih khusus, jadi lex specialis dan lex posterior tidak sejalan
    }
conflict-note = pertentangan: aturan-aturan { $rules } mensyaratkan porsi yang tidak bisa berlaku bersamaan
place-anywhere = tempat: selebihnya boleh bekerja dari mana saja ({ $rules })
place-home-within = tempat: selebihnya bekerja dari rumah ({ $home }), dalam batas "dari mana saja" pada { $anywhere }: rumah termasuk mana saja
place-full = tempat: WFO 100% tidak menyisakan siapa pun di luar kantor, jadi "dari mana saja" pada { $anywhere } tidak terjadi
