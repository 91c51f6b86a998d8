//! Arabic-script (Arabic, Dari/Persian, Pashto, Urdu) to Latin transliteration.
//!
//! Why hand-written: generic tables render every letter with a fixed vowel
//! ("mhmd" or "mhmmd"), and we need output whose consonant skeleton lines up
//! with the romanisations caseworkers actually type ("Mohammed", "Ahmadi").
//! Short vowels are not written in Arabic script, so we emit only consonants
//! and long vowels; the phonetic code ignores vowels anyway.

/// True for characters in the Arabic blocks we handle.
pub(crate) fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF)
}

/// Transliterates one Arabic-script letter. `at_word_start`/`at_word_end`
/// decide whether و/ي are consonants (w/y) or long vowels (u/i).
pub(crate) fn transliterate(c: char, at_word_start: bool, at_word_end: bool) -> &'static str {
    match c {
        'ا' | 'أ' | 'آ' | 'ٱ' => "a",
        'إ' => "i",
        'ب' => "b",
        'پ' => "p",
        'ت' | 'ط' | 'ٹ' => "t",
        'ث' => "th",
        'ج' => "j",
        'چ' => "ch",
        'ح' | 'ه' | 'ھ' | 'ہ' => "h",
        'خ' => "kh",
        'د' | 'ض' | 'ڈ' => "d",
        'ذ' => "dh",
        'ر' | 'ڑ' => "r",
        'ز' | 'ظ' => "z",
        'ژ' => "zh",
        'س' | 'ص' => "s",
        'ش' | 'ښ' => "sh",
        // Ayn/hamza have no Latin letter; a word-initial ayn is usually
        // romanised with a vowel ("Ali", "Omar").
        'ع' if at_word_start => "a",
        'ع' | 'ء' => "",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'گ' | 'ګ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' | 'ں' | 'ڼ' => "n",
        'و' | 'ؤ' if at_word_start => "w",
        'و' | 'ؤ' => "u",
        'ي' | 'ی' | 'ې' | 'ۍ' | 'ئ' | 'ے' if at_word_start => "y",
        'ي' | 'ی' | 'ې' | 'ۍ' | 'ئ' | 'ے' if at_word_end => "i",
        'ي' | 'ی' | 'ې' | 'ۍ' | 'ئ' | 'ے' => "i",
        'ى' => "a",
        'ة' => "a",
        '٠' | '۰' => "0",
        '١' | '۱' => "1",
        '٢' | '۲' => "2",
        '٣' | '۳' => "3",
        '٤' | '۴' => "4",
        '٥' | '۵' => "5",
        '٦' | '۶' => "6",
        '٧' | '۷' => "7",
        '٨' | '۸' => "8",
        '٩' | '۹' => "9",
        // Tatweel, vowel marks, punctuation and anything unknown.
        _ => " ",
    }
}
