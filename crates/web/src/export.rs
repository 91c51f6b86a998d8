//! Tables exported as CSV, XLSX and PDF. Every downloadable report builds one `Table` and
//! hands it here, so formats stay consistent and each report is checked once for identifiers.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// A report as rows of text, with notes (assumptions, suppression) printed under it.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub title: String,
    pub subtitle: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Pdf,
}

impl Format {
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

impl Table {
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(vec![]);
        // Writing to memory cannot fail.
        let _ = w.write_record(&self.headers);
        for row in &self.rows {
            let _ = w.write_record(row);
        }
        w.into_inner().unwrap_or_default()
    }

    pub fn to_xlsx(&self) -> anyhow::Result<Vec<u8>> {
        use rust_xlsxwriter::{Format as CellFormat, Workbook};
        let mut book = Workbook::new();
        let bold = CellFormat::new().set_bold();
        let sheet = book.add_worksheet();
        sheet.set_name("Report")?;
        sheet.write_string_with_format(0, 0, &self.title, &bold)?;
        sheet.write_string(1, 0, &self.subtitle)?;
        for (c, h) in self.headers.iter().enumerate() {
            sheet.write_string_with_format(3, c as u16, h, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 4, c as u16);
                // Numbers stay numbers so funders can compute with them.
                match cell.parse::<f64>() {
                    Ok(n) if n.is_finite() && !cell.is_empty() => sheet.write_number(r, c, n)?,
                    _ => sheet.write_string(r, c, cell)?,
                };
            }
        }
        let after = self.rows.len() as u32 + 5;
        for (i, note) in self.notes.iter().enumerate() {
            sheet.write_string(after + i as u32, 0, note)?;
        }
        sheet.set_column_width(0, 28)?;
        Ok(book.save_to_buffer()?)
    }

    /// A plain, printable PDF (US Letter, Helvetica, one line per row).
    pub fn to_pdf(&self) -> Vec<u8> {
        use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
        const WIDTH: f32 = 612.0;
        const HEIGHT: f32 = 792.0;
        const MARGIN: f32 = 50.0;
        const LINE: f32 = 14.0;
        let mut lines: Vec<(f32, Vec<String>)> = vec![(16.0, vec![self.title.clone()]), (10.0, vec![self.subtitle.clone()]), (10.0, vec![])];
        lines.push((10.0, self.headers.clone()));
        lines.extend(self.rows.iter().map(|r| (9.0, r.clone())));
        lines.push((9.0, vec![]));
        for note in &self.notes {
            lines.extend(wrap(note, 110).into_iter().map(|l| (8.0, vec![l])));
        }
        // Column positions in proportion to the widest text of each column.
        let columns = self.headers.len().max(1);
        let widths: Vec<usize> = (0..columns)
            .map(|c| self.rows.iter().chain([&self.headers]).map(|r| r.get(c).map_or(0, |s| s.chars().count())).max().unwrap_or(1).max(4))
            .collect();
        let total: usize = widths.iter().sum();
        let mut xs = vec![MARGIN];
        for w in &widths[..columns - 1] {
            let last = *xs.last().unwrap_or(&MARGIN);
            xs.push(last + (WIDTH - 2.0 * MARGIN) * (*w as f32) / (total as f32));
        }
        let per_page = ((HEIGHT - 2.0 * MARGIN) / LINE) as usize;
        let pages: Vec<&[(f32, Vec<String>)]> = lines.chunks(per_page.max(1)).collect();
        let mut pdf = Pdf::new();
        let (catalog, tree, font) = (Ref::new(1), Ref::new(2), Ref::new(3));
        let page_ids: Vec<Ref> = (0..pages.len()).map(|i| Ref::new(4 + 2 * i as i32)).collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids(page_ids.iter().copied()).count(pages.len() as i32);
        pdf.type1_font(font).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
        for (i, chunk) in pages.iter().enumerate() {
            let (page_id, content_id) = (page_ids[i], Ref::new(5 + 2 * i as i32));
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
            page.parent(tree);
            page.contents(content_id);
            page.resources().fonts().pair(Name(b"F1"), font);
            page.finish();
            let mut content = Content::new();
            let mut y = HEIGHT - MARGIN;
            for (size, cells) in chunk.iter() {
                for (c, cell) in cells.iter().enumerate() {
                    let x = if cells.len() == 1 { MARGIN } else { xs.get(c).copied().unwrap_or(MARGIN) };
                    content.begin_text();
                    content.set_font(Name(b"F1"), *size);
                    content.next_line(x, y);
                    content.show(Str(&win_ansi(cell)));
                    content.end_text();
                }
                y -= LINE;
            }
            pdf.stream(content_id, &content.finish());
        }
        pdf.finish()
    }

    /// The HTTP download of this table in `format`, named `name.<ext>`.
    /// The file in `format`: (bytes, content type, extension).
    pub fn render(&self, format: Format) -> anyhow::Result<(Vec<u8>, &'static str, &'static str)> {
        Ok(match format {
            Format::Csv => (self.to_csv(), "text/csv; charset=utf-8", "csv"),
            Format::Xlsx => (self.to_xlsx()?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Format::Pdf => (self.to_pdf(), "application/pdf", "pdf"),
        })
    }

    pub fn download(&self, format: Format, name: &str) -> anyhow::Result<Response> {
        let (bytes, mime, ext) = self.render(format)?;
        Ok(attachment(bytes, mime, &format!("{name}.{ext}")))
    }
}

/// A file download response.
pub fn attachment(bytes: Vec<u8>, mime: &str, file_name: &str) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", file_name.replace(['"', '\\', '\r', '\n'], "_"));
    ([(header::CONTENT_TYPE, mime.to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response()
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("one line at least");
        if !last.is_empty() && last.chars().count() + word.chars().count() + 1 > width {
            lines.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

/// Text in the PDF standard fonts' WinAnsi encoding: Latin-1 letters (Spanish, French,
/// Portuguese) as themselves, common punctuation mapped, anything else as `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{A0}'..='\u{FF}' => c as u32 as u8,
            '–' => 0x96,
            '—' => 0x97,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '…' => 0x85,
            '€' => 0x80,
            '•' => 0x95,
            _ => b'?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            title: "Informe de la junta".into(),
            subtitle: "2026-07-01 – 2026-09-30".into(),
            headers: vec!["Programa".into(), "Medida".into(), "Valor".into()],
            rows: vec![vec!["Piloto, \"ATD\"".into(), "Días".into(), "1111".into()]],
            notes: vec!["Cost per participant-day divides program costs by participant-days.".into()],
        }
    }

    #[test]
    fn csv_quotes_and_keeps_unicode() {
        let csv = String::from_utf8(table().to_csv()).unwrap();
        assert_eq!(csv, "Programa,Medida,Valor\n\"Piloto, \"\"ATD\"\"\",Días,1111\n");
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = table().to_xlsx().unwrap();
        assert_eq!(&bytes[..2], b"PK");
        assert!(bytes.len() > 1000);
    }

    #[test]
    fn pdf_has_the_text_in_win_ansi() {
        let bytes = table().to_pdf();
        assert!(bytes.starts_with(b"%PDF-"));
        let needle = win_ansi("Informe de la junta");
        assert!(bytes.windows(needle.len()).any(|w| w == needle.as_slice()));
        // Non-ASCII strings are written as hex: "Días" is 44 ED 61 73, one byte for í.
        assert!(String::from_utf8_lossy(&bytes).to_lowercase().contains("<44ed6173>"), "í encoded as one WinAnsi byte");
    }

    #[test]
    fn wrapping_keeps_words() {
        assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
    }
}
