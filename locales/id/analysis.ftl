# Diagnostik analisis (src/analysis): bahasa Indonesia. Setiap pesan di sini ada juga di
# locales/en/analysis.ftl, dengan variabel yang sama (src/msg/tests.rs).
