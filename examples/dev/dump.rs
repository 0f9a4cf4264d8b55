fn main() {
    let sources = std::env::args()
        .skip(1)
        .map(|p| edaran::model::Source {
            text: std::fs::read_to_string(&p).unwrap(),
            name: p,
        })
        .collect();
    let ws = edaran::model::load(sources);
    println!("circulars: {}", ws.circulars.len());
    for d in &ws.diagnostics {
        let t = &ws.sources[d.file.0 as usize].text;
        println!(
            "{} {} {:?} {} | {:?} | {:?}",
            ws.sources[d.file.0 as usize].name,
            d.code,
            d.span.text(t),
            d.message,
            d.label,
            d.help
        );
    }
}
