# Kata-kata uraian (src/region, src/calendar, porsi dalam src/syntax/ast): siapa, hari apa,
# berapa porsi, sebagaimana temuan dan jawaban menyebutnya. Bahasa Indonesia. Setiap pesan di
# sini ada juga di locales/en/region.ftl, dengan variabel yang sama (src/msg/tests.rs). Kata-kata
# bahasa itu sendiri (`fungsi`, `bukan`, `dalam`, `ketika`) diambil dari tabel kata kunci.

and = dan
weekday-plural = { $day }
weekday-run = { $first } sampai { $last }
weekdays-every-day = setiap hari
weekdays-none = tidak ada hari
dates-any = tanggal berapa pun
dates-until = sampai { $to }
dates-from = mulai { $from }
dates-on = pada { $day }
dates-between = { $from } sampai { $to }
weekly = setiap { $weekdays }
weekly-until = setiap { $weekdays } sampai { $to }
weekly-from = setiap { $weekdays } mulai { $from }
weekly-between = setiap { $weekdays } mulai { $from } sampai { $to }
set-in-or-other = { $k } dalam [{ $names }] atau { $k } lain mana pun
unnamed-value = { $dim } yang tidak disebut surat edaran mana pun
any-value = { $dim } mana pun
shares-at-most = paling banyak { $max }
shares-at-least = paling sedikit { $min }
others-from = { $shares }, selebihnya dari { $place ->
        [anywhere] mana saja
       *[home] rumah
    }
# Satu argumen yang ditampilkan sendiri (daftar surat edaran, peringkat).
arg = { $arg }
