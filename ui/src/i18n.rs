//! The interface language, and the few texts both the app and the panels
//! show (role names, turn counts). Each side keeps its own texts beside
//! this: the panels' strings are not part of the first visit.

use crate::context::context;
use leptos::prelude::*;
use shilu_core::Role;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language of a [`Lang::code`]; Chinese for anything else.
    pub fn from_code(code: &str) -> Lang {
        if code == Lang::En.code() {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The other language (the switch in the top bar).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The texts both sides share, in this language.
    pub fn common(self) -> &'static CommonTexts {
        match self {
            Lang::Zh => &COMMON_ZH,
            Lang::En => &COMMON_EN,
        }
    }
}

/// The interface language, provided as context (by the app, and by the
/// panels' module from what the app tells it).
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

/// The current language (tracks the language signal).
pub fn use_lang() -> impl Fn() -> Lang + Copy {
    let I18n(lang) = context::<I18n>();
    move || lang.get()
}

/// The texts the app and the panels share.
pub struct CommonTexts {
    pub role_host: &'static str,
    pub role_official: &'static str,
    pub role_journalist: &'static str,
    pub role_other: &'static str,
    pub question: &'static str,
    pub turns_count: fn(usize) -> String,
}

pub static COMMON_ZH: CommonTexts = CommonTexts {
    role_host: "主持人",
    role_official: "发布人",
    role_journalist: "记者",
    role_other: "其他",
    question: "提问",
    turns_count: |n| format!("{n} 次发言"),
};

pub static COMMON_EN: CommonTexts = CommonTexts {
    role_host: "Host",
    role_official: "Official",
    role_journalist: "Journalist",
    role_other: "Other",
    question: "Question",
    turns_count: |n| {
        if n == 1 {
            "1 turn".to_string()
        } else {
            format!("{n} turns")
        }
    },
};

/// Display name of a role.
pub fn role_name(t: &CommonTexts, role: Role) -> &'static str {
    match role {
        Role::Host => t.role_host,
        Role::Official => t.role_official,
        Role::Journalist => t.role_journalist,
        Role::Other => t.role_other,
    }
}
