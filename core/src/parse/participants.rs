//! The list of participants: people named in the front matter first, then
//! every new voice in the order its first label appears.

use super::label::{Label, Shape};
use super::names::Person;
use crate::model::{Participant, Role};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Registry {
    list: Vec<Participant>,
    by_name: BTreeMap<String, usize>,
    /// The host the front matter names, once [`Registry::end_front`] ran.
    front_host: Option<String>,
}

impl Registry {
    /// Whether this name is known.
    pub fn knows(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }

    /// Names known so far.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.by_name.keys().map(String::as_str)
    }

    /// A label's role before speakers are resolved.
    pub fn guess_role(&self, c: &Label<'_>) -> Role {
        c.role
            .or_else(|| c.name.as_deref().and_then(|n| self.role_of(n)))
            .unwrap_or(Role::Other)
    }

    /// The one person the front matter introduced with this title
    /// (`行政長官` → `梁振英`, introduced as `行政長官梁振英`).
    fn titled(&self, title: &str) -> Option<&str> {
        let mut found = self
            .list
            .iter()
            .filter(|p| p.title.as_deref().is_some_and(|t| t.ends_with(title)));
        match (found.next(), found.next()) {
            (Some(p), None) => Some(p.name.as_str()),
            _ => None,
        }
    }

    /// The one host some label named so far (`主持人（…王立新）：`).
    fn only_host(&self) -> Option<&str> {
        let mut hosts = self.list.iter().filter(|p| p.role == Role::Host);
        match (hosts.next(), hosts.next()) {
            (Some(h), None) => Some(h.name.as_str()),
            _ => None,
        }
    }

    /// The title the front matter gave this name, if any.
    pub fn title_of(&self, name: &str) -> Option<String> {
        self.by_name
            .get(name)
            .and_then(|&i| self.list[i].title.clone())
    }

    pub fn role_of(&self, name: &str) -> Option<Role> {
        self.by_name.get(name).map(|&i| self.list[i].role)
    }

    /// Marks the end of the front matter: remembers its host, if it names
    /// exactly one, for labels that say only `主持人`.
    pub fn end_front(&mut self) {
        let mut hosts = self.list.iter().filter(|p| p.role == Role::Host);
        self.front_host = match (hosts.next(), hosts.next()) {
            (Some(h), None) => Some(h.name.clone()),
            _ => None,
        };
    }

    /// Adds a person introduced in the front matter (or fills in a title).
    pub fn add_person(&mut self, p: &Person, role: Role) {
        let role = if p.hosts { Role::Host } else { role };
        let title = (!p.title.is_empty()).then_some(p.title.as_str());
        self.upsert(&p.name, title, role, None);
    }

    /// Adds or updates a participant; returns its index.
    fn upsert(
        &mut self,
        name: &str,
        title: Option<&str>,
        role: Role,
        outlet: Option<&str>,
    ) -> usize {
        if let Some(&i) = self.by_name.get(name) {
            let p = &mut self.list[i];
            if p.title.is_none() {
                p.title = title.map(str::to_string);
            }
            if p.outlet.is_none() {
                p.outlet = outlet.map(str::to_string);
            }
            // A label that says 主持人 or a specific role beats a guess.
            if p.role == Role::Other || (role == Role::Host && p.role != Role::Host) {
                p.role = role;
            }
            return i;
        }
        let i = self.list.len();
        self.list.push(Participant {
            id: format!("p{}", i + 1),
            name: name.to_string(),
            title: title.map(str::to_string),
            role,
            outlet: outlet.map(str::to_string),
        });
        self.by_name.insert(name.to_string(), i);
        i
    }

    /// Resolves a label to (speaker, participant id, role), adding the
    /// participant if new.
    pub fn resolve(&mut self, label: &Label<'_>) -> (String, String, Role) {
        let titled = label.title.as_deref().and_then(|t| self.titled(t));
        let name = match (&label.name, label.role) {
            (Some(n), _) => n.clone(),
            // `行政長官:` alone: the person the intro gave that title.
            (None, _) if label.shape == Shape::TitleOnly && titled.is_some() => {
                titled.unwrap_or_default().to_string()
            }
            // `主持人:` alone: the host the front matter names.
            (None, Some(Role::Host)) => self
                .front_host
                .clone()
                .or_else(|| self.only_host().map(str::to_string))
                .unwrap_or_else(|| label.body.to_string()),
            (None, _) => label.body.to_string(),
        };
        let role = label
            .role
            .or_else(|| self.role_of(&name))
            .unwrap_or(Role::Other);
        let i = self.upsert(&name, label.title.as_deref(), role, label.outlet.as_deref());
        let p = &self.list[i];
        // The turn's role: what the label says, else what we know of them.
        let turn_role = match label.role {
            Some(r @ (Role::Host | Role::Journalist)) => r,
            _ => p.role,
        };
        (name, p.id.clone(), turn_role)
    }

    pub fn into_vec(self) -> Vec<Participant> {
        self.list
    }
}
