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
