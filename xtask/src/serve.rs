//! `cargo xtask serve`: set up the build tools, then `trunk serve`.

use crate::setup::{self, Scope};
use crate::util::{command, run, step, Result};

/// What `cargo xtask serve` was asked to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServeArgs {
    /// `--address` (else `SHILU_ADDRESS`, else 127.0.0.1).
    pub address: Option<String>,
    /// `--port` (else `SHILU_PORT`, else 8080).
    pub port: Option<u16>,
    /// Everything after `--`, passed to `trunk serve` as it is.
    pub trunk_args: Vec<String>,
    /// `--site DIR`: build the corpus site of DIR and serve it instead.
    pub site: Option<std::path::PathBuf>,
}

/// The address and port to serve at: the flag, else the environment, else the default.
fn address_and_port(
    args: &ServeArgs,
    env: impl Fn(&str) -> Option<String>,
) -> Result<(String, u16)> {
    let address = args
        .address
        .clone()
        .or_else(|| env("SHILU_ADDRESS"))
        .unwrap_or_else(|| "127.0.0.1".into());
    let port = match (args.port, env("SHILU_PORT")) {
        (Some(port), _) => port,
        (None, Some(port)) => parse_port(&port).map_err(|e| format!("{e} (SHILU_PORT)"))?,
        (None, None) => 8080,
    };
    Ok((address, port))
}

/// A TCP port number, or why not.
pub fn parse_port(port: &str) -> Result<u16> {
    port.parse::<u16>()
        .map_err(|_| format!("serve: bad port `{port}`"))
}

pub fn serve(args: &ServeArgs) -> Result {
    let (address, port) = address_and_port(args, |k| std::env::var(k).ok())?;
    if let Some(dir) = &args.site {
        let out = crate::site::site(&crate::site::SiteArgs {
            dir: dir.clone(),
            ..Default::default()
        })?;
        return crate::site::serve_folder(&out, &address, port);
    }
    setup::setup(Scope { browser: false })?;
    step(&format!("serve: http://{address}:{port}/  (Ctrl-C stops)"));
    run(command("trunk")
        .args(["serve", "--address", &address, "--port", &port.to_string()])
        .args(&args.trunk_args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_default() {
        let none = ServeArgs::default();
        assert_eq!(
            address_and_port(&none, env(&[])),
            Ok(("127.0.0.1".into(), 8080))
        );
        let vars = [("SHILU_ADDRESS", "0.0.0.0"), ("SHILU_PORT", "9000")];
        assert_eq!(
            address_and_port(&none, env(&vars)),
            Ok(("0.0.0.0".into(), 9000))
        );
        let flags = ServeArgs {
            address: Some("::1".into()),
            port: Some(7000),
            trunk_args: vec![],
            site: None,
        };
        assert_eq!(
            address_and_port(&flags, env(&vars)),
            Ok(("::1".into(), 7000))
        );
    }

    #[test]
    fn a_bad_port_is_refused_by_value() {
        assert_eq!(parse_port("80a"), Err("serve: bad port `80a`".into()));
        assert_eq!(parse_port("65535"), Ok(65535));
        assert_eq!(
            address_and_port(&ServeArgs::default(), env(&[("SHILU_PORT", "70000")])),
            Err("serve: bad port `70000` (SHILU_PORT)".into())
        );
    }
}
