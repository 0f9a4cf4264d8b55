# Teks yang ditulis baris perintah, dalam bahasa Indonesia. Setiap pesan di sini juga ada di
# locales/en/cli.ftl, dengan id dan argumen yang sama (diperiksa oleh src/cli/l10n/tests.rs).
# Gaya: huruf kecil, tanpa titik di akhir, apa yang ditulis pengguna di antara backtick.
# Bahasa Indonesia tidak mengenal bentuk jamak: "1 kesalahan", "3 kesalahan".

## Jumlah (pesan yang memakainya memberi variabel yang sama)

n-files = { $files } berkas
n-errors = { $errors } kesalahan
n-warnings = { $warnings } peringatan
n-circulars = { $circulars } surat edaran

## Awalan baris di stderr

error = kesalahan: { $message }
warning = peringatan: { $message }
# Kata sebelum contoh sebuah temuan, di bawah diagnostik dan di daftar konflik.
witness = contoh

## edaran check

check-clean = { n-files } diperiksa: tidak ada masalah
check-summary = { n-files } diperiksa: { n-errors }, { n-warnings }
omitted = dan { $problems } masalah lain tidak ditampilkan ({ n-errors }, { n-warnings }): { $how } untuk melihat semuanya
omitted-how-check = tambahkan `--max-diagnostics 0`
omitted-how-query = jalankan `edaran check --max-diagnostics 0`

## Membaca berkas

io-not-found = berkas atau folder tidak ada
io-permission-denied = tidak ada izin akses
read-cannot = tidak dapat membaca `{ $path }`: { $reason }
read-no-sources = tidak ada berkas `.se` di `{ $path }`
read-not-utf8 = `{ $path }` bukan teks UTF-8 (byte tidak sah pada posisi { $offset }); simpan sebagai UTF-8
read-not-se = `{ $path }` bukan berkas `.se`: edaran membaca surat edaran yang ditulis dalam berkas `.se`; sebutkan berkas-berkas itu, atau folder yang berisi berkas-berkas itu
read-not-a-file = `{ $path }` adalah { $what }, bukan berkas: edaran hanya membaca berkas biasa
read-too-large = `{ $path }` berukuran { $size }, melebihi batas { $limit } per berkas; jika ini memang surat edaran, naikkan batasnya dengan `--max-file-size`
read-too-large-unknown = `{ $path }` melebihi batas { $limit } per berkas; jika ini memang surat edaran, naikkan batasnya dengan `--max-file-size`
what-it-is = { $kind ->
    [pipe] pipa bernama (named pipe)
    [socket] soket
    [device] perangkat
    [directory] folder
   *[other] bukan berkas biasa
}
skipped = `{ $path }` dilewati: { $why }
skip-link-outside = ini tautan ke `{ $target }`, di luar folder yang ditelusuri{ $hint }
skip-hint-name-it = {" "}(sebutkan namanya untuk membacanya)
skip-hint-nothing-ignored = ; tidak ada yang diabaikan
skip-ignore-not-a-file = ini { $what }, bukan berkas; tidak ada yang diabaikan
skip-not-a-file = ini { $what }, bukan berkas
skip-leads-to = ini mengarah ke { $what }, bukan berkas
stdin-cannot-read = tidak dapat membaca masukan standar: { $reason }
stdin-too-large = masukan standar lebih panjang dari batas { $limit } per berkas; naikkan batasnya dengan `--max-file-size`
stdin-not-utf8 = masukan standar bukan teks UTF-8 (byte tidak sah pada posisi { $offset })
size-bad = `{ $text }` bukan ukuran: tulis jumlah byte, atau angka yang diikuti K, M atau G (`64M`, `1G`)
size-too-large = `{ $text }` terlalu besar untuk sebuah ukuran
size-bytes = { $bytes } byte
size-large = { $size } ({ $bytes } byte)
cannot-write = tidak dapat menulis `{ $name }`: { $reason }
cannot-write-output = tidak dapat menulis keluaran: { $reason }

## edaran test

test-ok = uji { $name } ({ $file }) ... lulus
test-failed = uji { $name } ({ $file }) ... GAGAL
test-expected = diharapkan { $expected }
test-summary = { $passed } lulus, { $failed } gagal

## edaran query

query-does-not-resolve = ruang kerja masih mengandung kesalahan ({ n-errors }): perbaiki dulu (`edaran check`)
query-reading-stdin = membaca pertanyaan dari masukan standar, satu per baris; akhiri dengan Ctrl-D (atau berikan satu pertanyaan dengan `-e QUERY`)
query-no-question = tidak ada pertanyaan: berikan satu dengan `-e QUERY`, atau satu per baris di masukan standar

## edaran query: jawaban

range = { $from } sampai { $to }
valid-from = sejak { $from }
answer-note = catatan: { $note }
answer-none-in-force = tidak ada surat edaran yang berlaku
answer-none-in-force-period = tidak ada surat edaran yang berlaku dalam periode ini
answer-in-force = { $id } (tingkat { $level ->
        [national] nasional
        [provincial] provinsi
       *[local] kabupaten/kota
    }, berlaku { $from } sampai { $to })
answer-revocation = dicabut
answer-in-force-days = { $id } (tingkat { $level ->
        [national] nasional
        [provincial] provinsi
       *[local] kabupaten/kota
    }): { $windows }, { $days } hari
answer-revoked-from = dicabut oleh { $by } mulai { $from }
answer-no-conflict = tidak ada konflik
answer-case = kasus { $case } dari { $cases }: { $condition }, { $days }
answer-rule-of = aturan `{ $rule }` dari { $circular }
answer-priority = prioritas WFH { $rank }
answer-no-priority = tanpa prioritas WFH
answer-days-from-to = { $days } dari { $from } sampai { $to }
answer-every-day-off = setiap hari adalah hari libur: { $days }
answer-otherwise = selain itu
answer-days-off = hari libur: { $days }
answer-answer = jawaban: { $answer }
answer-not-listed = tidak dicantumkan (`edaran query --all` mencantumkan setiap surat edaran):
answer-no-rule-on-day-off = tidak ada aturan yang berlaku pada hari libur
answer-baseline = { $reason }: ketentuan dasarnya WFO { $wfo }
answer-exempt-no-rule = subjek dikecualikan dan tidak ada aturan yang berlaku
answer-no-rule = tidak ada aturan yang berlaku
answer-duty = kewajiban ({ $circular }): { $duty }
answer-applies = berlaku
answer-does-not-apply = tidak berlaku: { $reason }
answer-circular = surat edaran { $id } (tingkat { $level ->
        [national] nasional
        [provincial] provinsi
       *[local] kabupaten/kota
    }, ditandatangani { $signed }): { $why }
answer-rule-dropped = aturan `{ $rule }`: gugur: { $reason }
answer-rule-decides = aturan `{ $rule }`: menentukan: WFO { $wfo }
answer-circular-requires = surat edaran ini mensyaratkan WFO { $wfo }
answer-circular-conflict = konflik: aturan-aturan penentunya mensyaratkan porsi yang tidak dapat dipenuhi bersama
reason-not-yet = belum berlaku (berlaku { $validity })
reason-outside-validity = di luar masa berlakunya ({ $validity })
reason-revoked-by = dicabut oleh { $by } mulai { $from }
reason-out-of-scope = pemerintah ini di luar cakupannya
reason-exempt = subjek dikecualikan
dropped-outside-validity = di luar masa berlaku surat edaran
dropped-revoked = surat edaran dicabut oleh { $by }
dropped-out-of-scope = pemerintah ini di luar cakupan surat edaran
dropped-exempt = surat edaran mengecualikan subjek
rule-no-match = subjek tidak termasuk sasarannya
rule-excepted = `except`-nya mengecualikan subjek
rule-outside-during = di luar periode `during`-nya
rule-outside-every = bukan pada hari-hari `every`-nya
rule-when-holds = hanya berlaku bila `{ $name }` terpenuhi, dan tidak terpenuhi
rule-when-not = hanya berlaku bila `{ $name }` tidak terpenuhi, dan ternyata terpenuhi
rule-no-condition = syaratnya tidak terpenuhi
rule-overridden = dikesampingkan oleh { $rules } (lex specialis)
rule-otherwise = `otherwise`, dan aturan lain berlaku
left-out-other-governments = { $circulars } surat edaran pemerintah lain: pemerintah ini di luar cakupannya
left-out-ended = { $circulars } surat edaran sebelumnya untuk pemerintah ini: berakhir sebelum { $date }
left-out-revoked = { $circulars } surat edaran sebelumnya untuk pemerintah ini: dicabut sebelum { $date }
left-out-not-yet = { $circulars } surat edaran berikutnya untuk pemerintah ini: belum berlaku pada { $date }

## edaran fmt

fmt-syntax-errors = `{ $name }` mengandung kesalahan penulisan (sintaksis) dan tidak dirapikan
fmt-read-only = `{ $name }` hanya dapat dibaca dan tidak dirapikan: izinkan penulisan (`chmod u+w { $name }`) untuk merapikannya
fmt-not-a-file = `{ $name }` bukan berkas biasa dan tidak dirapikan: `edaran fmt - < FILE` mencetak tata letaknya
fmt-would-reformat = { n-files } akan dirapikan
fmt-formatted = { n-files } dirapikan

## edaran holidays

holidays-not-covered = kalender nasional tidak memuat daftar untuk tahun { $year }: kalender ini mencakup { $years }
holidays-no-year = tidak satu tahun pun
holidays-years = { $first } sampai { $last }
holidays-heading = Kalender nasional Indonesia, { $year }: { $libur } hari libur nasional, { $cuti } hari cuti bersama
holidays-set-by = Ditetapkan dengan
holidays-amended-by = Diubah dengan
holidays-keppres = Dengan Keputusan Presiden
holidays-taken-from = Diambil dari
holidays-notes = Catatan
month = { $month ->
    [1] Januari
    [2] Februari
    [3] Maret
    [4] April
    [5] Mei
    [6] Juni
    [7] Juli
    [8] Agustus
    [9] September
    [10] Oktober
    [11] November
   *[12] Desember
}
weekday = { $day ->
    [1] Senin
    [2] Selasa
    [3] Rabu
    [4] Kamis
    [5] Jumat
    [6] Sabtu
   *[7] Minggu
}

## edaran timeline

date-shape = tulis tanggal sebagai YYYY-MM-DD, misalnya 2023-09-01
date-not-a-day = { $text } bukan tanggal yang ada di kalender
timeline-output-se = `{ $output }` adalah nama untuk surat edaran: gambarnya berformat SVG, beri nama FILE.svg
timeline-output-dir = `{ $output }` adalah folder: berikan nama berkas SVG yang akan ditulis
timeline-output-is-read = `{ $output }` adalah salah satu berkas yang dibaca (`{ $source }`): pilih berkas lain untuk gambarnya
timeline-cut = catatan: linimasa paling panjang lima tahun: digambar dari { $from } sampai { $to } (bukan sampai { $asked }); berikan --from dan --to untuk menggambar bagian lain
timeline-subject-date = --subject tidak memakai tanggal: periode yang digambar ditentukan oleh --from dan --to
timeline-subject-bad = --subject tidak dapat dibaca: tulis subjek seperti dalam `wfo SUBJECT on DATE`, tanpa tanggal: nama unit dalam tanda kutip, lalu boleh diikuti function, domicile, office dan gov (misalnya --subject '"BPKAD" gov "Pemprov Banten"')
timeline-wrote = { $output } ditulis: { n-circulars } berlaku dari { $from } sampai { $to }

timeline-title = Surat edaran yang berlaku, { $from } sampai { $to }
timeline-share-of = dengan porsi kerja dari kantor untuk { $subject }
timeline-legend = { $item ->
    [during] jangka `during` suatu aturan
    [revoked] dicabut
    [holiday] hari libur
    [weekend] akhir pekan
    [ruled] WFO menurut aturan
    [exempt] dikecualikan
    [baseline] ketentuan dasar
    [differ] kasus berbeda
   *[conflict] konflik
}
timeline-none-in-force = tidak ada surat edaran yang berlaku
timeline-valid = berlaku { $days }
timeline-valid-from = berlaku sejak { $from }
timeline-revoked-by = dicabut oleh { $by }
timeline-wfo-share = porsi WFO
month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] Mei
    [6] Jun
    [7] Jul
    [8] Agu
    [9] Sep
    [10] Okt
    [11] Nov
   *[12] Des
}

## edaran repl

repl-banner = `:help` menampilkan pertanyaan dan perintah; Ctrl-D untuk keluar
repl-loaded = { n-files } dimuat, { n-circulars }
repl-loaded-errors = { $loaded } ({ n-errors }: lihat `:check`)
repl-load-path = `:load` memerlukan nama berkas atau folder
repl-given = ditetapkan: { $given }
repl-given-none = ditetapkan: belum ada (misalnya `:given gov "Pemprov Banten"` menetapkan satu)
repl-given-cleared = ditetapkan: dikosongkan
repl-unknown-command = perintah `:{ $command }` tidak dikenal (`:help` menampilkan daftarnya)
repl-no-workspace = belum ada ruang kerja yang dimuat
repl-no-workspace-load = belum ada ruang kerja yang dimuat: `:load PATH`
repl-does-not-resolve = ruang kerja masih mengandung kesalahan ({ n-errors }): perbaiki lalu `:reload` (`:check` menampilkannya)
repl-check-summary = { n-errors }, { n-warnings }
repl-no-history = { $problem }; riwayat tidak disimpan
repl-history-not-saved = tidak dapat menyimpan riwayat ke `{ $path }`: { $reason }
repl-no-editor = tidak dapat memulai penyunting baris: { $reason }
repl-help =
    Pertanyaan (dijelaskan di docs/language.md):
      wfo "UNIT" [function F] [domicile "P"] [office "P"] [gov "G"] on DATE
      wfo "UNIT" ... from DATE to DATE
      explain "UNIT" ... on DATE
      wfh priority "UNIT" ... on DATE
      in force on DATE
      in force from DATE to DATE
      conflicts
    Perintah:
      :load PATH     tambahkan berkas atau folder ke ruang kerja
      :reload        baca ulang semua berkas
      :check         tampilkan diagnostik ruang kerja
      :given DIMS    isi apa yang tidak disebut oleh pertanyaan berikutnya, misalnya
                     `:given gov "Pemprov Banten" function admin`
      :given         tampilkan dimensi yang ditetapkan
      :given clear   kosongkan lagi
      :help          teks ini
      :quit          keluar (juga Ctrl-D)
    Tab melengkapi apa yang dapat ditulis berikutnya; baris yang ditempel sekaligus dijawab satu per satu.

## Kata-kata clap sendiri (src/cli/help.rs)

clap-usage = Cara pakai:
clap-commands = Perintah
clap-arguments = Argumen
clap-options = Opsi
clap-help = Tampilkan bantuan
clap-help-short = Tampilkan bantuan (selengkapnya dengan '--help')
clap-help-long = Tampilkan bantuan (ringkasannya dengan '-h')
clap-version = Tampilkan versi
clap-help-command = Tampilkan bantuan ini atau bantuan subperintah yang disebut

## Bantuan perintah (clap)

help-about = Memeriksa dan menjawab pertanyaan tentang surat edaran pemerintah Indonesia mengenai pengaturan kerja
help-after = Bahasa, pertanyaan, dan setiap pemeriksaan: docs/language.md
help-max-file-size = Berkas terbesar yang dibaca edaran (`64M`, `1G`, atau jumlah byte): berkas yang lebih besar ditolak dengan menyebut namanya (docs/robustness.md)
help-lang = Bahasa pesan (bawaan: dari LC_ALL, LC_MESSAGES atau LANG; `id_ID.UTF-8` berarti bahasa Indonesia); dengan `fmt`, juga bahasa tujuan kata kunci berkas
help-paths = Berkas dan folder (dicari `*.se` di dalamnya dan di subfoldernya); bawaan: folder saat ini
help-format = Format keluaran
help-color = Kapan memakai warna
help-color-auto = Jika stdout adalah terminal dan NO_COLOR tidak ditetapkan
help-color-always = Selalu
help-color-never = Tidak pernah
help-check = Mengurai, menyelesaikan, dan memeriksa berkas `.se`: setiap diagnostik dari setiap berkas
help-check-after = Setiap pemeriksaan, dengan contoh dan cara memperbaikinya: docs/lints.md; bahasanya: docs/language.md
help-check-deny = Keluar dengan status 1 juga bila ada peringatan
help-deny-warnings = Keluar dengan status 1 bila ada peringatan apa pun
help-check-max-diagnostics = Tampilkan paling banyak N diagnostik, lalu berapa banyak sisanya (0: semua); jumlahnya tetap tepat (docs/robustness.md)
help-check-human = Setiap diagnostik dengan baris yang ditunjuknya, lalu satu baris ringkasan
help-check-json = Satu dokumen JSON di stdout: {"{"}"diagnostics": [...], "errors": N, "warnings": N{"}"}; bila berkas tidak dapat dibaca, {"{"}"input_errors": [...]{"}"}
help-query = Menjawab pertanyaan: `wfo "BPKAD" on 2023-09-01`, `explain ...`, `in force on DATE`, ...
help-query-expr = Sebuah pertanyaan (dapat diulang); tanpa pertanyaan, satu pertanyaan per baris dibaca dari stdin
help-query-all = Dengan `explain`: sebutkan setiap surat edaran di ruang kerja, bukan hanya yang menyangkut subjek dan tanggalnya (yang lain dihitung dalam satu baris per kelompok)
help-query-human = Setiap pertanyaan, lalu jawabannya di bawahnya (kasus, aturan, dan catatannya); pertanyaan yang salah ditampilkan di stderr beserta kesalahannya
help-query-json = Satu dokumen JSON di stdout: {"{"}"answers": [...]{"}"}, satu entri per pertanyaan sesuai urutan, dengan kasusnya (atau surat edaran, atau konflik); pertanyaan yang salah diganti {"{"}"query", "errors"{"}"}; bila ruang kerja tidak dapat dibaca atau masih mengandung kesalahan, {"{"}"input_errors": [...]{"}"}
help-query-after =
    Pertanyaan (satu per `-e`, atau satu per baris di masukan standar):
      wfo SUBJECT on DATE              porsi kerja dari kantor pada hari itu
      wfo SUBJECT from DATE to DATE    porsinya selama suatu periode, sebagai linimasa
      explain SUBJECT on DATE          jawaban dan alasannya: setiap aturan, dan mengapa berlaku atau tidak
      wfh priority SUBJECT on DATE     urutan prioritas WFH, atau tidak ada
      in force on DATE                 surat edaran yang berlaku pada hari itu
      in force from DATE to DATE       surat edaran yang berlaku dalam periode itu, dengan harinya
      conflicts                        setiap konflik dan antinomi di ruang kerja

      SUBJECT := STRING [function IDENT] [domicile STRING] [office STRING] [gov STRING]

    SUBJECT adalah nama unit dalam tanda kutip ("Dinas Kesehatan", "Bapenda/UPTD Samsat Serang"), lalu
    dimensi lainnya, masing-masing paling banyak sekali, dalam urutan apa pun; `on` atau `from` boleh di depan.
    Dimensi yang tidak disebut membagi jawaban menjadi beberapa kasus, masing-masing dengan syaratnya.
    Tanggal ditulis YYYY-MM-DD.

    Contoh:
      edaran query examples/ -e 'wfo "BPKAD" gov "Pemprov Banten" on 2023-09-01'
      edaran query examples/ -e 'explain "Dinas Kesehatan" gov "Pemprov Banten" on 2022-02-10'
      echo 'in force on 2022-02-10' | edaran query examples/ --format json

    Rujukan lengkap: docs/language.md
help-test = Menjalankan blok `test` dari berkas `.se`
help-test-after = Cara menulis blok `test` dan baris `expect`: docs/language.md
help-test-human = Satu baris per uji (lulus atau GAGAL), setiap `expect` yang gagal dengan barisnya, lalu jumlahnya
help-test-json = Satu dokumen JSON di stdout: {"{"}"tests": [{"{"}"name", "file", "passed", "failures"{"}"}], "passed": N, "failed": N{"}"}; bila ruang kerja tidak dapat dibaca atau masih mengandung kesalahan, {"{"}"input_errors": [...]{"}"}
help-repl = Bertanya secara interaktif (juga membaca baris biasa dari pipe)
help-repl-history = Tempat menyimpan riwayat (bawaan: `$HOME/.edaran_history`)
help-fmt = Merapikan berkas `.se` ke tata letak baku (komentar tetap ada; `-` untuk stdin ke stdout; `--lang id` atau `--lang en` mengubah bahasa kata kuncinya)
help-fmt-paths = Berkas dan folder (dicari `*.se` di dalamnya dan di subfoldernya), atau `-` untuk masukan standar; bawaan: folder saat ini
help-fmt-check = Jangan mengubah apa pun; sebutkan berkas yang akan berubah dan keluar dengan status 1 bila ada
help-holidays = Menampilkan libur nasional dan cuti bersama suatu tahun, dengan keputusan yang menetapkannya
help-holidays-year = Tahunnya, misalnya 2026
help-holidays-human = Satu baris per hari, per bulan, lalu keputusan dan sumber tahun itu
help-holidays-json = Satu dokumen JSON di stdout: {"{"}"year", "source", "counts", "days": [{"{"}"date", "weekday", "kind", "name"{"}"}]{"}"}; untuk tahun yang tidak tercakup kalender, {"{"}"input_errors": [...]{"}"}
help-holidays-after =
    Daftar yang dibawa edaran: libur nasional dan cuti bersama sebagaimana ditetapkan SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB, beserta perubahannya, untuk tahun 2020 sampai 2026.

    Contoh:
      edaran holidays 2026 --format json
help-timeline = Menggambar surat edaran yang berlaku dari waktu ke waktu, per tingkat, sebagai gambar SVG (`-o FILE.svg`)
help-timeline-from = Hari pertama yang digambar (YYYY-MM-DD); bawaan: hari pertama suatu surat edaran berlaku
help-timeline-to = Hari terakhir yang digambar (YYYY-MM-DD); bawaan: hari terakhir suatu surat edaran berlaku (setahun setelah awal terakhir bila masa berlakunya tanpa akhir)
help-timeline-subject = Gambar juga porsi kerja dari kantor subjek ini, hari demi hari: subjek seperti dalam `wfo SUBJECT on DATE`, tanpa tanggal, misalnya '"BPKAD" gov "Pemprov Banten"'
help-timeline-output = Berkas SVG yang akan ditulis
help-timeline-color = Kapan memakai warna dalam pesan
help-timeline-after =
    Gambar memiliki tiga pita, nasional di atas provinsi di atas daerah: setiap surat edaran adalah batang
    sepanjang hari-hari ia berlaku (beberapa batang bila masa berlakunya terdiri atas beberapa jangka, lajur
    lebih gelap bila suatu aturan memiliki jangka `during`), berakhir saat surat edaran yang mencabutnya
    mulai berlaku (tanda merah dengan nomor surat edaran pencabut). Hari libur kalender nasional diarsir,
    dan akhir pekan diarsir tipis. Dengan --subject, grafik di bawahnya menunjukkan porsi kerja dari kantor
    subjek itu setiap hari kerja (pita antara porsi terendah dan tertinggi bila jawabannya berupa rentang);
    akhir pekan dan hari libur dibiarkan kosong. Periodenya paling lama lima tahun.

    Contoh:
      edaran timeline examples/ -o timeline.svg
      edaran timeline examples/ --from 2023-08-01 --to 2023-10-31 \
          --subject '"BPKAD" gov "Pemprov Banten" function admin' -o banten.svg

    Status keluar: 0 ditulis; 2 argumen salah, berkas tidak terbaca, berkas mengandung kesalahan, subjek
    tidak dapat dibaca, atau berkas tidak dapat ditulis. Rujukan lengkap: docs/language.md
