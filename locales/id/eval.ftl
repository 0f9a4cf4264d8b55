# Jawaban, penjelasan dan hasil uji penafsir (src/eval): bahasa Indonesia. Setiap pesan di sini
# ada juga di locales/en/eval.ftl, dengan variabel yang sama (src/msg/tests.rs).
