# Diagnostik model (src/model): bahasa Indonesia. Setiap pesan di sini ada juga di
# locales/en/model.ftl, dengan variabel yang sama (src/msg/tests.rs).
# Nama dan tanggal (YYYY-MM-DD) adalah argumen, ditampilkan sebagaimana ditulis.

circular-named = surat edaran `{ $name }`
this-circular = surat edaran ini

# duplicate-name. $what adalah salah satu frasa di bawah.
defined-twice = { $what } didefinisikan dua kali
defined-again-here = didefinisikan lagi di sini
first-defined-here = pertama kali didefinisikan di sini
defined-twice-help = ganti nama salah satunya, atau hapus yang kedua
the-baseline = `bawaan`
the-workweek = hari kerja
calendar-none = `kalender nihil`
# $kind: `circular` atau `test`.
named = { $kind ->
        [test] uji
       *[circular] surat edaran
    } `{ $name }`
# $kind: `set`, `condition` atau `rule`.
the-named = { $kind ->
        [set] kelompok
        [condition] kondisi
       *[rule] aturan
    } `{ $name }`

# unknown-name. $kind: `sector`, `region`, `govs` atau `rule`.
unknown-name = { $kind ->
        [sector] sektor
        [region] wilayah
        [govs] daftar instansi
       *[rule] aturan
    } `{ $name }` tidak dikenal
unknown-name-label = tidak ada { $kind ->
        [sector] sektor
        [region] wilayah
        [govs] daftar instansi
       *[rule] aturan
    } dengan nama ini
unknown-name-help = definisikan di dalam surat edaran atau di awal berkas, misalnya `{ $kind ->
        [sector] sektor { $name } = ["UNIT", ...]
        [region] wilayah { $name } = ["TEMPAT", ...]
        [govs] daftar_instansi { $name } = ["INSTANSI", ...]
       *[rule] aturan { $name }: PEMILIH => wfo N%
    }`
# Kelompok satu jenis di tempat yang seharusnya jenis lain. $kind dan $expected: `sector`, `region`
# atau `govs`.
set-kind = `{ $name }` adalah { $kind ->
        [sector] sektor
        [region] wilayah
       *[govs] daftar instansi
    }, bukan { $expected ->
        [sector] sektor
        [region] wilayah
       *[govs] daftar instansi
    }
set-kind-label = di sini seharusnya { $expected ->
        [sector] sektor
        [region] wilayah
       *[govs] daftar instansi
    }
defined-here = `{ $name }` didefinisikan di sini
set-kind-help = { $kind ->
        [sector] sektor adalah kelompok unit kerja: pakai sebagai `{ $name }` atau `unit dalam { $name }`
        [region] wilayah adalah kelompok tempat: pakai sebagai `domisili dalam { $name }` atau `kantor dalam { $name }`
       *[govs] `daftar_instansi` adalah daftar instansi: pakai sebagai `instansi dalam { $name }`
    }

# Daftar: "a, b dan c".
comma-list = { $list }, { $next }
comma-list-empty = {""}
and-list = { $list } dan { $last }
quoted-name = `{ $name }`
period-to = { $from } sampai { $to }
period-from = mulai { $from }
line-list =
    { $list }
    { $next }

# Klausul surat edaran dan keterangan aturan. $key adalah kata kunci bahasa Inggris; pesan
# menampilkan kata kunci bahasa Indonesia.
clause-keyword = `{ $key ->
        [title] judul
        [issuer] penerbit
        [signed] ditandatangani
        [valid] berlaku
       *[scope] cakupan
    }`
modifier-keyword = `{ $key ->
        [during] selama
        [every] setiap
       *[when] ketika
    }`

# Klausul yang ditulis dua kali ($keyword: `clause-keyword`).
clause-given-twice = { $keyword } ditulis dua kali dalam { $circular }
given-again-here = ditulis lagi di sini
first-given-here = pertama kali ditulis di sini
one-clause-help = surat edaran hanya memiliki satu klausul { $keyword }: hapus salah satunya
valid-twice-help = surat edaran hanya memiliki satu klausul `berlaku`; beberapa rentang ditulis dalam satu daftar: `berlaku { $periods }`

# missing-clause
issuer-no-level = penerbit { $circular } tidak menyebutkan tingkat
issuer-no-level-label = `tingkat` tidak ada
issuer-no-level-help = tulis `penerbit "{ $name }" tingkat TINGKAT`, dengan TINGKAT berupa `nasional`, `provinsi` atau `kabupaten_kota`
missing-clause = { $circular } tidak memiliki klausul { $keyword }
missing-clause-label = { $keyword } tidak ada
missing-clause-help = tambahkan { $key ->
        [issuer] `penerbit "NAMA" tingkat TINGKAT`: instansi yang menerbitkannya; TINGKAT berupa `nasional`, `provinsi` atau `kabupaten_kota`
        [signed] `ditandatangani YYYY-MM-DD`: tanggal penandatanganannya
        [valid] `berlaku YYYY-MM-DD sampai YYYY-MM-DD`: hari pertama dan terakhirnya, atau `berlaku mulai YYYY-MM-DD`
       *[scope] `cakupan "INSTANSI"`: instansi yang terikat, atau `cakupan semua` untuk semua instansi
    }
clause-form-fill = { $key ->
        [issuer] penerbit "NAMA" tingkat TINGKAT  (instansi yang menerbitkannya; TINGKAT berupa `nasional`, `provinsi` atau `kabupaten_kota`)
        [signed] ditandatangani YYYY-MM-DD  (tanggal penandatanganannya)
        [valid] berlaku YYYY-MM-DD sampai YYYY-MM-DD  (hari pertama dan terakhirnya, atau `berlaku mulai YYYY-MM-DD`)
       *[scope] cakupan "INSTANSI"  (instansi yang terikat, atau `cakupan semua` untuk semua instansi)
    }
missing-clauses = { $circular } tidak memiliki klausul { $list }
missing-clauses-label = { $list } tidak ada
missing-clauses-help =
    tambahkan:
    { $forms }

# no-rule
no-rule = { $circular } tidak memiliki aturan: tidak menetapkan porsi WFO
no-rule-label = tidak ada `aturan` dalam surat edaran ini
no-rule-exempts-help = jika tidak ada surat edaran lain yang menentukan, pegawai yang dikecualikannya dijawab `dikecualikan` dan yang lain tetap mengikuti `bawaan`; jika surat edaran menyebutkan porsi, tambahkan sebagai aturan: `aturan NAMA: PEMILIH => wfo N%`
no-rule-help = jika tidak ada surat edaran lain yang menentukan, pegawainya tetap mengikuti `bawaan`; jika surat edaran menyebutkan porsi, tambahkan sebagai aturan: `aturan NAMA: PEMILIH => wfo N%`

# Keterangan yang ditulis dua kali pada satu aturan ($keyword: `modifier-keyword`).
two-modifiers = aturan `{ $rule }` memiliki dua keterangan { $keyword }
second-modifier = { $keyword } yang kedua
first-modifier = { $keyword } yang pertama
during-twice-help = satu aturan hanya memiliki satu `selama`; beberapa periode ditulis dalam satu daftar: `selama { $periods }`
every-twice-help = satu aturan hanya memiliki satu `setiap`; beberapa hari ditulis dalam satu daftar: `setiap [rabu, jumat]`
when-twice-help = satu aturan hanya memiliki satu `ketika`; untuk aturan yang berlaku dalam dua kondisi, nyatakan keadaan itu sebagai satu kondisi

# `ketika` yang menyebut kondisi yang tidak ada dalam surat edarannya.
unknown-condition = surat edaran ini tidak menyatakan kondisi `{ $name }`
unknown-condition-label = bukan kondisi surat edaran ini
declare-condition-help = nyatakan kondisi itu dalam surat edaran, beserta artinya: `kondisi { $name } "..."`
declare-condition-also-help = nyatakan kondisi itu dalam surat edaran: `kondisi { $name } "..."`

# too-many-names. $kind: kata benda dimensi (src/dim.rs), dalam bahasa Inggris.
dim-noun = { $kind ->
        [government] instansi
        [unit] unit kerja
        [function] fungsi
        [place] tempat
        [condition] kondisi
        [trait] keadaan
       *[other] { $kind }
    }
dim-nouns = { $kind ->
        [government] instansi
        [unit] unit kerja
        [function] fungsi
        [place] tempat
        [condition] kondisi
        [trait] keadaan
       *[other] { $kind }
    }
too-many-names = surat-surat edaran ini menyebut { $count } { $nouns } yang berbeda; edaran hanya dapat membedakan paling banyak { $max }
too-many-names-label = `{ $name }` adalah { $noun } ke-{ $number }
too-many-names-help = edaran tidak akan memeriksa atau menjawab dengan { $nouns } yang tidak dapat dibedakannya: beri satu nama untuk { $nouns } yang selalu bersama, atau periksa secara terpisah surat edaran yang memakai nama yang berbeda
too-many-names-first = { $noun } pertama, `{ $name }`
