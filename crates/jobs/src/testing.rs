//! Local sinks that stand in for the outside world in tests (feature `testing`): a tiny SMTP
//! server on a tokio listener (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps every
//! message it receives, and an SMS gateway (axum) that keeps every JSON payload. The worker
//! reaches them through its real clients (lettre, reqwest).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One email as received.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl Mail {
    /// A header's value (first occurrence, case-insensitive name), unfolded.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or("");
        // Long headers continue on lines that start with white space (RFC 5322 folding).
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.split("\r\n").find_map(|l| l.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_owned()))
    }
    pub fn body(&self) -> &str {
        self.data.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("")
    }
}

#[derive(Clone)]
pub struct SmtpSink {
    pub addr: SocketAddr,
    pub mails: Arc<Mutex<Vec<Mail>>>,
}

impl SmtpSink {
    /// Listen on 127.0.0.1:0; `delay` is waited before accepting each message's data (to keep
    /// deliveries in flight for crash tests).
    pub async fn start(delay: Duration) -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("binding SMTP sink");
        let addr = listener.local_addr().expect("address");
        let mails = Arc::new(Mutex::new(Vec::new()));
        let store = mails.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let _ = session(socket, store, delay).await;
                });
            }
        });
        SmtpSink { addr, mails }
    }

    pub fn url(&self) -> String {
        format!("smtp://{}:{}", self.addr.ip(), self.addr.port())
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails.lock().expect("sink lock").clone()
    }
}

async fn session(socket: tokio::net::TcpStream, store: Arc<Mutex<Vec<Mail>>>, delay: Duration) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink ESMTP ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_owned();
        let upper = cmd.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            write.write_all(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n").await?;
        } else if upper.starts_with("HELO") {
            write.write_all(b"250 sink\r\n").await?;
        } else if upper.starts_with("MAIL FROM:") {
            from = cmd[10..].split_whitespace().next().unwrap_or("").trim_matches(['<', '>']).to_owned();
            to.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            to.push(cmd[8..].trim().trim_matches(['<', '>']).to_owned());
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "DATA" {
            write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                // Dot-stuffing (RFC 5321 §4.5.2).
                data.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            tokio::time::sleep(delay).await;
            store.lock().expect("sink lock").push(Mail { from: from.clone(), to: to.clone(), data });
            write.write_all(b"250 OK queued\r\n").await?;
        } else if upper == "QUIT" {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else if upper == "RSET" || upper == "NOOP" {
            write.write_all(b"250 OK\r\n").await?;
        } else {
            write.write_all(b"502 not implemented\r\n").await?;
        }
    }
}

/// One SMS as the gateway received it.
#[derive(Debug, Clone)]
pub struct Sms {
    pub payload: serde_json::Value,
    pub idempotency_header: Option<String>,
}

#[derive(Clone)]
pub struct SmsSink {
    pub addr: SocketAddr,
    pub received: Arc<Mutex<Vec<Sms>>>,
    /// Answer 500 to this many requests first (to exercise retries).
    pub fail_next: Arc<AtomicUsize>,
}

impl SmsSink {
    pub async fn start() -> SmsSink {
        use axum::extract::State;
        use axum::http::{HeaderMap, StatusCode};
        use axum::Json;
        type Shared = (Arc<Mutex<Vec<Sms>>>, Arc<AtomicUsize>);
        async fn receive(
            State((store, fail)): State<Shared>,
            headers: HeaderMap,
            Json(payload): Json<serde_json::Value>,
        ) -> (StatusCode, Json<serde_json::Value>) {
            if fail.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok() {
                return (StatusCode::INTERNAL_SERVER_ERROR, Json(serde_json::json!({"error": "try later"})));
            }
            let idempotency_header = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let mut all = store.lock().expect("sink lock");
            all.push(Sms { payload, idempotency_header });
            (StatusCode::OK, Json(serde_json::json!({"id": format!("sms-{}", all.len())})))
        }
        let received = Arc::new(Mutex::new(Vec::new()));
        let fail_next = Arc::new(AtomicUsize::new(0));
        let app = axum::Router::new().route("/sms", axum::routing::post(receive)).with_state((received.clone(), fail_next.clone()));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("binding SMS sink");
        let addr = listener.local_addr().expect("address");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        SmsSink { addr, received, fail_next }
    }

    pub fn url(&self) -> String {
        format!("http://{}/sms", self.addr)
    }

    pub fn received(&self) -> Vec<Sms> {
        self.received.lock().expect("sink lock").clone()
    }
}
