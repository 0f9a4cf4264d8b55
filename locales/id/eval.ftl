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

# Nama yang tidak dipakai surat edaran mana pun ($noun: `government`, `unit`, `function`,
# `place`, `condition`, `trait`)
note-named = { $noun ->
        [government] pemerintah
        [unit] unit kerja
        [function] fungsi
        [place] tempat
        [condition] kondisi
       *[trait] keadaan
    } `{ $value }`
note-unnamed = tidak ada surat edaran yang menyebut { $value }: dijawab seperti yang lain
note-unnamed-many = tidak ada surat edaran yang menyebut { $values }: semuanya dijawab seperti yang lain
note-unnamed-did-you-mean = tidak ada surat edaran yang menyebut { $noun ->
        [government] pemerintah
        [unit] unit kerja
        [function] fungsi
        [place] tempat
        [condition] kondisi
       *[trait] keadaan
    } `{ $value }`: mungkin maksudnya `{ $meant }`?

# Mengapa tidak ada aturan yang menentukan ($on: tanggal; $circulars: nomor surat edaran)
why-exempts = { $circulars } mengecualikan subjek ini pada { $on }
why-none-in-force = tidak ada surat edaran yang berlaku pada { $on }
why-none-in-force-revoked = tidak ada surat edaran yang berlaku pada { $on } (`{ $circular }` dicabut oleh `{ $by }`)
why-unscoped = tidak ada surat edaran yang menyebut pemerintah `{ $gov }` dalam cakupannya
why-unscoped-did-you-mean = tidak ada surat edaran yang menyebut pemerintah `{ $gov }` dalam cakupannya: mungkin maksudnya `{ $meant }`?
why-not-bound = tidak ada surat edaran yang berlaku pada { $on } yang mengikat pemerintah `{ $gov }` (yang berlaku: { $circulars })
why-this-not-bound = tidak ada surat edaran yang berlaku pada { $on } yang mengikat pemerintah ini (yang berlaku: { $circulars })
why-no-rule-covers = tidak ada aturan { $circulars } yang mencakup subjek ini pada { $on }

# Hasil blok `uji` ($expected, $actual: yang diharapkan dan yang didapat)
test-expected-got = diharapkan { $expected }, didapat { $actual }
test-expected-but = diharapkan { $expected }, tetapi { $actual }
test-conflicts-in-expect = `{ $conflicts }` tidak dapat dipakai dalam `{ $expect }`
test-date-invalid = tidak ada jawaban: tanggalnya tidak sah
test-date-missing = tidak ada jawaban: tanggalnya tidak ada atau tidak sah
test-in-force-kind = { $list } (pertanyaan `berlaku` dijawab dengan daftar surat edaran)
test-answer-on = { $answer } pada { $days }
test-no-rule-applies = { $got }: tidak ada aturan yang berlaku ({ $why })
test-no-priority = tanpa prioritas
test-priority = prioritas { $rank }
test-the-date = tanggalnya
# $what: `date` atau `dimension`
test-depends-on = jawabannya bergantung pada { $on }: { $parts }; sebutkan { $what ->
        [date] tanggalnya
       *[dimension] dimensinya
    } dalam harapan atau dalam `dengan`
test-wfo-kind = { $answer } (pertanyaan `wfo` dijawab dengan porsi atau status)
test-priority-kind = { $answer } (pertanyaan `prioritas wfh` dijawab dengan peringkat atau `nihil`)
test-invalid-share = porsi yang tidak sah
test-share = WFO { $wfo }
test-day-off = libur

# Pertanyaan yang terlalu luas untuk dijawab
query-too-broad = pertanyaan ini membiarkan terlalu banyak hal terbuka ({ $n } kombinasi): sebutkan { $dims }, atau periode yang lebih pendek
query-too-many-flags = jawabannya bergantung pada { $n } kondisi dan keadaan yang dibiarkan terbuka oleh pertanyaan, lebih dari { $max } yang dipakai edaran untuk memecah jawaban: sebutkan sebagian dalam pertanyaan ({ $flags }{ $more ->
        [0] {""}
       *[other] , dan { $more } lainnya
    })

# Nama dalam pertanyaan yang memuat karakter tak terlihat ($what: `unit`, `government`,
# `function`, `domicile`, `office`, `condition`, `trait`; $a: `a` atau `an`; $named: nama
# karakternya)
note-invisible-read-as = { $what ->
        [government] pemerintah
        [unit] unit kerja
        [function] fungsi
        [domicile] domisili
        [office] kantor
        [condition] kondisi
       *[trait] keadaan
    } `{ $value }` dalam pertanyaan memuat { $a ->
       *[a] {""}
    }karakter tak terlihat { $named }{ $more ->
        [0] {""}
       *[other] {" "}dan { $more } karakter tak terlihat lainnya
    }: dibaca sebagai `{ $read }`
note-invisible-matches-only = { $what ->
        [government] pemerintah
        [unit] unit kerja
        [function] fungsi
        [domicile] domisili
        [office] kantor
        [condition] kondisi
       *[trait] keadaan
    } `{ $value }` dalam pertanyaan memuat { $a ->
       *[a] {""}
    }karakter tak terlihat { $named }{ $more ->
        [0] {""}
       *[other] {" "}dan { $more } karakter tak terlihat lainnya
    }: hanya cocok dengan nama yang ditulis dengan karakter yang sama

# Tahun yang tidak dimuat kalender nasional
note-calendar-year = kalender nasional yang disertakan dengan edaran tidak memuat hari libur untuk { $year }: di sana hanya akhir pekan dan hari libur workspace sendiri yang menjadi hari libur
note-calendar-years = kalender nasional yang disertakan dengan edaran tidak memuat hari libur untuk { $first } sampai { $last }: di sana hanya akhir pekan dan hari libur workspace sendiri yang menjadi hari libur
