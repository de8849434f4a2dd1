//! Whole pages' text, as a browser copies it, in languages other than
//! English: the page furniture goes by its own language's words (a row of
//! share buttons, as in English, when it is a row), and the article stays.

use rinse_core::{clean_with, Config};

/// A page: its furniture before and after the article, line by line.
struct Page {
    language: &'static str,
    before: &'static [&'static str],
    article: &'static [&'static str],
    after: &'static [&'static str],
}

const PAGES: &[Page] = &[
    Page {
        language: "Italian",
        before: &["Vai al contenuto", "Cerca", "Accedi"],
        article: &[
            "Il fiume è sceso di un metro durante la notte e il comune ha detto che quasi tutte le strade della valle riapriranno venerdì.",
            "Gli abitanti che avevano lasciato le loro case potranno tornare non appena l'acquedotto avrà controllato la rete.",
            "Gli ingegneri ispezioneranno i due ponti della città prima di riaprirli ai camion, e potrebbe volerci fino alla fine del mese.",
        ],
        after: &["Condividi", "Facebook", "Stampa", "Leggi tutto", "Articoli correlati", "Commenti", "Nessun commento", "Torna su"],
    },
    Page {
        language: "Portuguese",
        before: &["Pular para o conteúdo", "Pesquisar", "Entrar"],
        article: &[
            "O rio baixou um metro durante a noite e a prefeitura disse que a maioria das estradas do vale será reaberta na sexta-feira.",
            "Os moradores que deixaram as suas casas poderão voltar assim que a companhia de água verificar o abastecimento.",
            "Os engenheiros vão inspecionar as duas pontes da cidade antes de liberá-las para caminhões, o que pode levar até o fim do mês.",
        ],
        after: &["Compartilhar", "WhatsApp", "Imprimir", "Leia mais", "Artigos relacionados", "Comentários", "Sem comentários", "Voltar ao topo"],
    },
    Page {
        language: "Polish",
        before: &["Przejdź do treści", "Szukaj", "Zaloguj się"],
        article: &[
            "Poziom rzeki spadł w nocy o metr, a gmina poinformowała, że większość dróg w dolinie zostanie otwarta w piątek.",
            "Mieszkańcy, którzy opuścili swoje domy, będą mogli wrócić, gdy wodociągi sprawdzą sieć.",
            "Inżynierowie sprawdzą oba mosty w mieście, zanim zostaną otwarte dla ciężarówek, co może potrwać do końca miesiąca.",
        ],
        after: &["Udostępnij", "Facebook", "Twitter", "Czytaj więcej", "Powiązane artykuły", "Komentarze", "Brak komentarzy", "Powrót na górę"],
    },
    Page {
        language: "Russian",
        before: &["Перейти к содержимому", "Поиск", "Войти"],
        article: &[
            "За ночь уровень воды в реке упал на метр, и в мэрии сказали, что большинство дорог в долине откроют в пятницу.",
            "Жители, которые покинули свои дома, смогут вернуться, как только водоканал проверит сеть.",
            "Инженеры осмотрят оба моста в городе, прежде чем их откроют для грузовиков, и это может занять время до конца месяца.",
        ],
        after: &["Поделиться", "Telegram", "WhatsApp", "Читать далее", "Похожие статьи", "Комментарии", "Нет комментариев", "Наверх"],
    },
    Page {
        language: "Japanese",
        before: &["本文へスキップ", "検索", "ログイン"],
        article: &[
            "川の水位は一晩で一メートル下がり、市は谷の道路の多くが金曜日に再開されると発表した。",
            "家を離れていた住民は、水道局が給水を確認したあとで家に戻ることができる。",
            "技術者たちは町の二つの橋をトラックに開放する前に点検する予定で、月末までかかる可能性がある。",
        ],
        after: &["シェア", "ツイート", "Facebook", "続きを読む", "関連記事", "コメント", "コメントはまだありません", "ページの先頭へ"],
    },
];

#[test]
fn furniture_goes_by_its_own_languages_words() {
    let config = Config::default();
    for page in PAGES {
        let lines: Vec<&str> = page.before.iter().chain(page.article).chain(page.after).copied().collect();
        let text = lines.join("\n") + "\n";
        let cleaned = clean_with(&text, &config).expect("the default settings").text;
        let kept: Vec<&str> = cleaned.lines().collect();
        for line in page.article {
            assert!(kept.contains(line), "{}: the article's line {line:?} was cut:\n{cleaned}", page.language);
        }
        for line in page.before.iter().chain(page.after) {
            assert!(!kept.contains(line), "{}: {line:?} was kept:\n{cleaned}", page.language);
        }
    }
}

#[test]
fn error_page_residue_goes_in_its_own_language() {
    let config = Config::default();
    for page in PAGES {
        let residue: &[&str] = match page.language {
            "Italian" => &["Pagina non trovata", "Spiacenti", "Torna alla home"],
            "Portuguese" => &["Página não encontrada", "Desculpe", "Voltar para a página inicial"],
            "Polish" => &["Strona nie została znaleziona", "Przepraszamy", "Wróć do strony głównej"],
            "Russian" => &["Страница не найдена", "Извините", "На главную"],
            _ => &["ページが見つかりません", "エラー", "トップページへ戻る"],
        };
        let text = residue.iter().chain(page.article).copied().collect::<Vec<_>>().join("\n") + "\n";
        let cleaned = clean_with(&text, &config).expect("the default settings").text;
        assert_eq!(cleaned, page.article.join("\n") + "\n", "{}", page.language);
    }
}
