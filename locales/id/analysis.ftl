# Diagnostik analisis (src/analysis): bahasa Indonesia. Setiap pesan di sini ada juga di
# locales/en/analysis.ftl, dengan variabel yang sama (src/msg/tests.rs).

# Contoh: satu subjek dan hari-hari tempat temuan itu berlaku. $point adalah contoh itu.
witness-on = pada { $day }
witness-weekly-onwards = setiap { $weekdays } mulai { $from } dan seterusnya
witness-weekly-between = setiap { $weekdays } mulai { $from } sampai { $to }
witness-onwards = mulai { $from } dan seterusnya
witness-between = mulai { $from } sampai { $to }
and-more = { $names } dan { $more } lainnya

# Aturan dan apa yang disyaratkannya. $names adalah daftar nama aturan; $n jumlahnya.
rules-require = { $n ->
        [1] aturan
       *[other] aturan-aturan
    } { $names } mensyaratkan
rules-of-require = { $n ->
        [1] aturan
       *[other] aturan-aturan
    } { $names } dari `{ $circular }` mensyaratkan
rules-contradict = { $n ->
        [1] aturan
       *[other] aturan-aturan
    } { $names } bertentangan dengan
requires-wfo = { $who } WFO { $wfo }
rule-requires = `{ $rule }` mensyaratkan WFO { $wfo }
rule-wfo = `{ $rule }` WFO { $wfo }

# Lex specialis, dan memisahkan dua aturan ($overrides, $except, $during: kata kunci berkas).
specialis-narrower = jika `{ $special }` (aturan yang lebih sempit) adalah pengecualiannya, tambahkan `{ $overrides } { $general }` padanya (lex specialis)
specialis-either = nyatakan aturan mana yang berlaku di tempat keduanya bertemu: tambahkan `{ $overrides } { $x }` pada `{ $y }`, atau `{ $overrides } { $y }` pada `{ $x }` (lex specialis)
apart = pisahkan keduanya dengan `{ $except }`
apart-during = pisahkan keduanya dengan `{ $except }`, atau dengan menggeser periode `{ $during }`

# conflict
conflict = aturan `{ $x }` dan `{ $y }` bertentangan di tempat keduanya berlaku: WFO { $kx } lawan WFO { $ky }
conflict-help = { $specialis }; atau { $apart }
conflict-witness = { $point }: `{ $x }` mensyaratkan WFO { $kx }, `{ $y }` WFO { $ky }
conflict-group = { $n } aturan bertentangan di tempat semuanya berlaku: { $names }; { $pairs } pasang di antaranya mensyaratkan porsi yang tidak bisa berlaku bersamaan
conflict-group-help = di tempat aturan-aturan itu bertemu, hanya satu porsi yang bisa berlaku: jika satu aturan adalah pengecualiannya, tambahkan padanya `{ $overrides }` yang menyebut aturan lainnya (lex specialis); atau pisahkan dengan `{ $except }`
conflict-group-witness = { $point }: { $shares }, dan seterusnya untuk { $more } aturan lainnya
conflict-star = aturan `{ $x }` bertentangan dengan { $n } aturan lain, masing-masing di tempat keduanya berlaku: { $names }
conflict-star-help = jika aturan-aturan lain itu pengecualian dari `{ $x }`, tambahkan `{ $overrides } { $x }` pada masing-masing (lex specialis); atau pisahkan dengan `{ $except }`

# overlap ($px, $py: `home` atau `anywhere`)
overlap = di tempat aturan `{ $x }` dan `{ $y }` sama-sama berlaku, porsinya bergabung menjadi WFO { $both }
overlap-places = di tempat aturan `{ $x }` dan `{ $y }` sama-sama berlaku, `{ $x }` menyatakan selebihnya bekerja dari { $px ->
        [anywhere] mana saja
       *[home] rumah
    } dan `{ $y }` dari { $py ->
        [anywhere] mana saja
       *[home] rumah
    }: bersama-sama WFO { $both }
overlap-help = { $specialis }; atau { $apart }; jika yang dimaksud WFO { $both }, nyatakan dalam satu aturan
overlap-witness = { $point }: `{ $x }` mensyaratkan WFO { $kx }, `{ $y }` WFO { $ky }, bersama-sama WFO { $both }

# Surat edaran yang bertentangan: antinomy, implicit-revocation, violates-higher-norm
clash-witness = { $point }: `{ $x }` mensyaratkan WFO { $kx }, `{ $y }` WFO { $ky }
antinomy-same-day = surat edaran `{ $late }` bertentangan dengan `{ $early }`, yang ditandatangani pada hari yang sama
antinomy-same-day-help = keduanya ditandatangani pada { $signed }, jadi lex posterior tidak dapat memutuskan: tambahkan `{ $revokes } "{ $early }"` pada `{ $late }` (atau sebaliknya), atau persempit salah satunya agar keduanya tidak bertemu
antinomy-special = surat edaran `{ $late }` bertentangan dengan `{ $early }` yang lebih dahulu tetapi lebih khusus
antinomy-special-help = lex posterior memenangkan `{ $late }`, lex specialis `{ $early }`: jika `{ $late }` menggantikan `{ $early }`, tambahkan `{ $revokes } "{ $early }"` padanya; jika hal khusus itu tetap berlaku, keluarkan dari `{ $late }` dengan `{ $except }`
implicit-revocation = surat edaran `{ $late }` bertentangan dengan `{ $early }` yang lebih dahulu tanpa mencabutnya
implicit-revocation-label = ditandatangani kemudian, pada { $signed }: surat edaran ini yang berlaku (lex posterior)
implicit-revocation-help = jika `{ $late }` menggantikan surat edaran yang lebih dahulu, tambahkan `{ $revokes } "{ $early }"` padanya
implicit-revocation-help-later = jika `{ $late }` menggantikan surat edaran yang lebih dahulu, tambahkan `{ $revokes } "{ $early }"` padanya; atau mulailah setelah { $end }, saat `{ $early }` berakhir
# $level: `national`, `provincial` atau `local`
violates-higher-norm = { $who } surat edaran tingkat { $level ->
        [national] nasional
        [provincial] provinsi
       *[local] kabupaten/kota
    } `{ $high }`: WFO { $low_wfo } lawan WFO { $high_wfo }
violates-higher-norm-high = norma yang lebih tinggi: { $who } WFO { $wfo }
violates-higher-norm-help = lex superior: di tempat keduanya bertemu, surat edaran tingkat { $level ->
        [national] nasional
        [provincial] provinsi
       *[local] kabupaten/kota
    } yang berlaku dan porsi ini tidak berlaku; ubahlah agar sesuai dengan WFO { $wfo }, atau persempit aturannya dengan `{ $except }` atau `{ $during }`

# dead-rule ($whole: `yes` bila dikatakan tentang seluruh surat edaran yang tidak pernah berlaku)
dead-circular = surat edaran `{ $circular }` tidak pernah berlaku, jadi tidak satu pun aturannya menentukan: { $why }
dead-circular-label = tidak pernah berlaku
dead-rule-never-applies = aturan `{ $rule }` tidak pernah berlaku: { $why }
dead-rule-nobody = tidak berlaku bagi siapa pun
dead-rule-overridden = aturan `{ $rule }` tidak pernah menentukan: { $by } { $n ->
        [1] mengesampingkannya
       *[other] mengesampingkannya
    } di mana pun aturan itu berlaku
dead-rule-overridden-label = selalu dikesampingkan
dead-rule-overridden-help = hapus aturan ini, atau persempit aturan yang mengesampingkannya
dead-rule-wrong-way-help = `{ $by }` mencakup lebih banyak pegawai daripada `{ $rule }`, jadi `{ $overrides }` kemungkinan terbalik: hapus `{ $overrides } { $rule }` dari `{ $by }` dan tambahkan `{ $overrides } { $by }` pada `{ $rule }`
never-otherwise = aturan-aturan lain mencakup setiap subjek
never-otherwise-help = hapus aturan ini, atau persempit aturan-aturan lain
never-revoked = `{ $by }` mencabut { $whole ->
        [yes] surat edaran ini
       *[no] surat edarannya
    } mulai { $from }, sebelum surat edaran itu mulai berlaku
never-revoked-help = periksa tanggal kedua surat edaran, atau hapus yang dicabut
never-exempt = klausul `{ $exempt }` { $whole ->
        [yes] surat edaran ini
       *[no] dalam surat edarannya
    } mencakup semua yang terikat oleh surat edaran itu
never-exempt-help = persempit klausul `{ $exempt }`
never-selector = tidak ada subjek yang cocok dengan pemilihnya
never-selector-help = perbaiki pemilihnya: satu subjek mempunyai satu nilai untuk setiap dimensi
never-except = `{ $except }`-nya mengeluarkan setiap subjek yang cocok dengan pemilihnya
never-except-help = hapus aturan ini, atau perbaiki `{ $except }`-nya
never-scope = aturan ini hanya cocok dengan pemerintah di luar cakupan surat edaran
never-scope-help = perbaiki `{ $gov }`-nya, atau `{ $scope }` surat edaran
never-exempted = surat edaran ini mengecualikan setiap subjek yang cocok dengan aturan ini
never-exempted-help = hapus aturan ini, atau persempit `{ $exempt }`
never-revoked-during = `{ $by }` mencabut { $whole ->
        [yes] surat edaran ini
       *[no] surat edarannya
    } mulai { $from }, sebelum periode `{ $during }`-nya
never-revoked-during-help = perbaiki periode `{ $during }`-nya, atau tanggal surat-surat edaran itu
never-matches = aturan ini tidak cocok dengan subjek mana pun pada hari surat edaran berlaku
never-matches-help = perbaiki pemilihnya atau periode `{ $during }`-nya

# dead-exemption
dead-except = `{ $except }` ini tidak mengeluarkan siapa pun: aturan `{ $rule }` tidak mencakup satu pun subjeknya
dead-except-label = tidak dicakup oleh `{ $rule }`
dead-except-help = hapus, atau sebutkan subjek yang dicakup aturan itu
dead-exempt = `{ $exempt }` ini tidak mengecualikan siapa pun: { $why }
dead-exempt-label = tidak mengecualikan siapa pun yang terikat oleh surat edaran
dead-exempt-no-rule = tidak ada aturan `{ $circular }` yang mencakup subjeknya
dead-exempt-no-rule-help = hapus, atau sebutkan subjek yang dicakup aturan-aturan surat edaran itu
dead-exempt-scope = klausul ini hanya menyebut pemerintah di luar cakupan surat edaran
dead-exempt-scope-help = hapus, atau perbaiki `{ $gov }`-nya

# rule-on-days-off ($what: `weekdays`, `during` atau `dates`)
no-working-day = tidak ada hari kerja
days-off-validity = masa berlaku `{ $circular }` tidak mencakup satu pun hari kerja: { $days }
days-off-validity-help = surat edaran mengatur hari kerja: perbaiki tanggal masa berlakunya
days-off-weekdays = aturan `{ $rule }` hanya berlaku pada hari { $days }, yang bukan hari kerja (pekan kerjanya { $week })
days-off-rule = aturan `{ $rule }` tidak mencakup satu pun hari kerja ({ $what ->
        [weekdays] hari-harinya
        [during] `{ $during }`-nya
       *[dates] tanggal-tanggalnya
    }): { $days }
days-off-window = periode `{ $during }` { $from } sampai { $to } pada aturan `{ $rule }` tidak mencakup satu pun hari kerja: { $days }
days-off-help = pada hari libur tidak ada yang bekerja, dari kantor maupun dari rumah: pindahkan ke hari kerja, atau perbaiki harinya
no-day = tidak ada harinya
day-off-one = { $day } adalah hari libur
days-off = { $list } adalah hari libur

# every-outside-validity ($whose: `during` atau `validity`)
every-outside-validity = aturan `{ $rule }` berlaku setiap { $days }, tetapi { $whose ->
        [during] periode `{ $during }`-nya
       *[validity] masa berlakunya
    } tidak memuat hari { $days }
every-outside-validity-label = tidak ada hari { $days } dalam { $whose ->
        [during] periode `{ $during }`-nya
       *[validity] masa berlakunya
    }
every-outside-validity-help = { $whose ->
        [during] periode `{ $during }`-nya
       *[validity] masa berlakunya
    } hanya memuat { $present }: perbaiki harinya, atau tanggalnya

# too-many-combinations
too-many-combinations = { $n } aturan `{ $circular }` berlaku bersama dalam lebih dari { $max } kombinasi: edaran tidak memeriksanya untuk pertentangan, tumpang tindih atau aturan mati, di dalamnya maupun terhadap surat edaran lain
too-many-combinations-label = tidak diperiksa: edaran berhenti pada { $pieces } kombinasi
too-many-combinations-help = aturan-aturan yang masing-masing menyebut keadaan atau kondisinya sendiri bergabung dengan segala cara; beri satu nama bagi keadaan atau kondisi yang berjalan bersama, atau pecah surat edarannya
