# Diagnostik pemeriksaan (src/lints): bahasa Indonesia. Setiap pesan di sini ada juga di
# locales/en/lints.ftl, dengan variabel yang sama (src/msg/tests.rs).
# Nama dan tanggal (YYYY-MM-DD) adalah argumen, ditampilkan sebagaimana ditulis; $circular adalah
# `circular-named` atau `this-circular` dari model.ftl.

# retroactive
retroactive = { $circular } ditandatangani pada { $signed }, { $days } hari setelah hari pertama masa berlakunya { $from }
retroactive-label = ditandatangani di sini
retroactive-first-day = hari pertama masa berlaku
retroactive-help = perbaiki tanggal penandatanganan, atau mulai masa berlaku pada { $signed } atau sesudahnya
retroactive-witness = sudah berlaku pada { $from }, sebelum ditandatangani pada { $signed }

# revokes-unknown
revokes-unknown = `{ $name }` bukan surat edaran di ruang kerja ini
revokes-unknown-label = dicabut di sini
revokes-unknown-help = perbaiki nomornya, atau tambahkan berkas surat edaran yang dicabut ke ruang kerja

# rule-outside-validity
rule-outside-validity = periode `selama` pada aturan `{ $rule }` tidak berada di dalam masa berlaku { $circular }
rule-outside-validity-valid = berlaku { $runs }
rule-outside-validity-help = pindahkan periode itu ke dalam masa berlaku, atau perpanjang masa berlakunya
outside-before = { $day } sebelum masa berlaku dimulai pada { $first }
outside-after = { $day } sesudah masa berlaku berakhir pada { $last }
outside-between = { $day } berada di antara dua rentang masa berlaku

# overlapping-sectors
sectors-same-unit = `{ $unit }` ada di dua sektor, `{ $first }` dan `{ $second }`
sectors-same-unit-help = masukkan `{ $unit }` ke satu sektor saja: hapus dari `{ $second }` atau dari `{ $first }`
sectors-part-of = `{ $unit }` di sektor `{ $second }` adalah bagian dari `{ $other }`, di sektor `{ $first }`
sectors-holds = `{ $unit }` di sektor `{ $second }` mencakup `{ $other }`, di sektor `{ $first }`
sectors-nested-help = masukkan setiap unit kerja ke satu sektor saja; jika `{ $child }` harus berbeda dari `{ $parent }`, beri aturan tersendiri (`unit "{ $child }"`) dengan `mengesampingkan`, bukan sektor kedua
sectors-in = di `{ $sector }`

# override-cycle
override-self = aturan `{ $rule }` mengesampingkan dirinya sendiri
override-cycle = aturan { $rules } saling mengesampingkan secara melingkar
override-edge = `{ $rule }` mengesampingkan `{ $other }`
override-self-help = sebuah aturan tidak bisa lebih khusus daripada dirinya sendiri: hapus `{ $rule }` dari `mengesampingkan`-nya
override-cycle-help = `mengesampingkan` menyatakan aturan mana yang lebih khusus: tulis hanya pada aturan yang lebih khusus

# near-duplicate-name ($noun: `unit`, `place`, `government`, `function`, `condition`, `trait`;
# $how: `underscores`, `case`, `one` atau `two` huruf)
near-duplicate = nama { $noun ->
        [unit] unit kerja
        [place] tempat
        [government] pemerintah
        [function] fungsi
        [condition] kondisi
       *[trait] keadaan
    } `{ $later }` dan `{ $first }` hanya berbeda { $how ->
        [underscores] pada garis bawah
        [case] pada huruf besar-kecil, spasi atau tanda baca
        [one] satu huruf
       *[two] dua huruf
    }
near-duplicate-first = `{ $name }` ditulis di sini
near-duplicate-help = edaran membandingkan nama persis sama, jadi ini dua { $noun ->
        [unit] unit kerja
        [place] tempat
        [government] pemerintah
        [function] fungsi
        [condition] kondisi
       *[trait] keadaan
    } yang berbeda: jika yang dimaksud satu, tulislah dengan ejaan yang sama di semua tempat

# invisible-character ($named: nama karakternya; $a: `a` atau `an`)
invisible-many = nama `{ $value }` memuat { $n } karakter tak terlihat{ $a ->
       *[a] {""}
    }, yang pertama { $named }
invisible-unseen = nama `{ $value }` memuat { $a ->
       *[a] {""}
    }{ $named }, yang tidak terlihat
invisible-one = nama `{ $value }` memuat { $a ->
       *[a] {""}
    }{ $named }
invisible-delete-help = hapus { $n ->
        [1] karakter itu
       *[other] karakter-karakter itu
    }: sampai saat itu edaran membaca nama ini sebagai `{ $read }`, tetapi program lain dan pencarian tidak
invisible-tab-help = tulis spasi sebagai gantinya: edaran membandingkan nama beserta tab-nya, jadi nama ini tidak cocok dengan nama yang ditulis dengan spasi
invisible-character-help = hapus karakter itu: edaran membandingkan nama beserta karakternya, jadi nama ini tidak cocok dengan nama yang ditulis tanpanya

# period-mismatch ($unit: `day`, `week`, `month`, `working-day`; $said, $days, $counted, $got:
# jangka waktu sebagaimana ditulis dalam tanda kurung)
duration = { $n } { $unit ->
        [day] hari
        [week] minggu
        [month] bulan
       *[working-day] hari kerja
    }
period-ends = `({ $said })` mulai { $from } berakhir pada { $end }, tetapi masa berlakunya berakhir pada { $to }
period-does-not-fit = `({ $said })` tidak sesuai dengan masa berlaku { $from } sampai { $to }, yang lamanya { $days }
period-claims = menyatakan { $said }
period-dates-give = menurut tanggalnya { $days }
period-end-on-help = akhiri masa berlakunya pada { $end }, atau tulis `({ $days })`
period-write-help = tulis `({ $days })`
period-dates-are = { $from } sampai { $to }
period-date-is = { $day }
period-after-claim = { $which } termasuk masa berlaku tetapi sesudah { $said } yang dinyatakan
period-after-validity = { $which } termasuk { $said } yang dinyatakan tetapi sesudah masa berlakunya
windows-end = `({ $said })` mulai { $first } berakhir pada { $end }, tetapi periode terakhir berakhir pada { $last }
windows-do-not-fit = `({ $said })` tidak sesuai dengan masa berlaku mulai { $first } sampai { $last }
windows-end-help = akhiri periode terakhir pada { $end }, atau hitung harinya: seluruh periode lamanya { $counted } (dalam rentang { $span }), `({ $counted })`
windows-count-help = seluruh periode lamanya { $counted } (dalam rentang { $span }): tulis `({ $counted })`
windows-do-not-match = `({ $said })` tidak sesuai dengan masa berlaku, yang seluruh periodenya lamanya { $counted }
windows-sum-help = periode-periodenya lamanya { $sum } hari: tulis `({ $counted })`, atau perbaiki salah satu periode
working-days-do-not-match = `({ $said })` tidak sesuai dengan masa berlaku { $first } sampai { $last }, yang memuat { $got }
working-days-help = tulis `({ $got })`, atau perbaiki tanggalnya
working-days-off-help = tulis `({ $got })`, atau perbaiki tanggalnya; hari libur pada hari kerja dalam pekan kerja adalah { $off }
working-days-no-calendar = kalender nasional yang disertakan dengan edaran tidak memuat hari libur untuk { $year }: hanya akhir pekan dan hari libur workspace sendiri yang dihitung
