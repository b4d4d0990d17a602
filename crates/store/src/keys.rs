//! The cryptography of accounts and signatures, all from kept crates (RustCrypto `argon2`,
//! `chacha20poly1305`, `ed25519-dalek`) with the operating system's randomness:
//!
//! - a password is kept as an Argon2id PHC string with OWASP's parameters
//!   ([`ARGON2_MEMORY_KIB`], [`ARGON2_ITERATIONS`], [`ARGON2_LANES`]) and checked by the
//!   crate's constant-time comparison;
//! - each person's Ed25519 secret key is sealed with ChaCha20-Poly1305 under a key derived
//!   from their password by Argon2id with a salt of its own, the public key bound in as
//!   associated data: without the password the secret cannot be used, and a tampered seal
//!   does not open;
//! - what a member signs, and what a checkpoint of the audit chain signs, are fixed byte
//!   strings ([`ruling_message`], [`checkpoint_message`]) that name what they are, so that a
//!   signature over one can never pass for the other.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// Argon2id memory cost in KiB (OWASP: 19 MiB).
pub const ARGON2_MEMORY_KIB: u32 = 19_456;
/// Argon2id passes over memory (OWASP: 2).
pub const ARGON2_ITERATIONS: u32 = 2;
/// Argon2id parallelism (OWASP: 1).
pub const ARGON2_LANES: u32 = 1;

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;

fn argon2() -> Argon2<'static> {
    let params = Params::new(ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_LANES, Some(32))
        .expect("OWASP's Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// `n` bytes from the operating system's generator.
pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

/// The password's Argon2id hash as a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub(crate) fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .expect("hashing a password with valid parameters")
        .to_string()
}

/// Whether `password` is the one `phc` was made from (constant-time comparison).
pub(crate) fn password_matches(phc: &str, password: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(hash) => argon2().verify_password(password.as_bytes(), &hash).is_ok(),
        Err(_) => false,
    }
}

/// The same work as a password check, for a name that has no account: a wrong username takes
/// as long to refuse as a wrong password.
pub(crate) fn waste_a_check(password: &str) {
    let _ = password_matches(
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0gVxx+2y7lnFxcTpBVSNk5ceiMqEDMVXvaMYcxNRqpY",
        password,
    );
}

/// An Ed25519 secret key sealed under a password.
#[derive(Debug, Clone)]
pub(crate) struct SealedKey {
    pub public_key: String,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
}

fn sealing_cipher(password: &str, salt: &[u8]) -> ChaCha20Poly1305 {
    let mut key = [0u8; 32];
    argon2()
        .hash_password_into(password.as_bytes(), salt, &mut key)
        .expect("deriving a key with valid parameters");
    ChaCha20Poly1305::new(&key.into())
}

fn aad(public_key: &str) -> Vec<u8> {
    format!("heyat/sealed-ed25519/v1\n{public_key}").into_bytes()
}

/// Seals `key` under `password`, with a fresh salt and nonce.
pub(crate) fn seal(key: &SigningKey, password: &str) -> SealedKey {
    let public_key = hex::encode(key.verifying_key().to_bytes());
    let salt = random_bytes::<16>();
    let nonce = random_bytes::<12>();
    let sealed = sealing_cipher(password, &salt)
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: key.to_bytes().as_slice(),
                aad: &aad(&public_key),
            },
        )
        .expect("sealing 32 bytes");
    SealedKey {
        public_key,
        salt: salt.to_vec(),
        nonce: nonce.to_vec(),
        sealed,
    }
}

/// A new key pair, its secret sealed under `password`.
pub(crate) fn new_sealed_key(password: &str) -> (SigningKey, SealedKey) {
    let key = SigningKey::generate(&mut OsRng);
    let sealed = seal(&key, password);
    (key, sealed)
}

/// The secret key, if `password` opens the seal and the key is the public key's.
pub(crate) fn unseal(sealed: &SealedKey, password: &str) -> Option<SigningKey> {
    let nonce: [u8; 12] = sealed.nonce.as_slice().try_into().ok()?;
    let bytes = sealing_cipher(password, &sealed.salt)
        .decrypt(
            &Nonce::from(nonce),
            Payload {
                msg: &sealed.sealed,
                aad: &aad(&sealed.public_key),
            },
        )
        .ok()?;
    let bytes: [u8; 32] = bytes.try_into().ok()?;
    let key = SigningKey::from_bytes(&bytes);
    (hex::encode(key.verifying_key().to_bytes()) == sealed.public_key).then_some(key)
}

/// A public key's fingerprint as printed: the first 64 bits of its SHA-256 in four groups.
pub fn fingerprint(public_key_hex: &str) -> String {
    let bytes = hex::decode(public_key_hex).unwrap_or_default();
    let digest = hex::encode_upper(Sha256::digest(&bytes));
    digest.as_bytes()[..16]
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// What a member's signature of a ruling covers: the kind of ruling, the SHA-256 of its
/// canonical content and of its unsigned PDF, who signs and when.
pub fn ruling_message(
    kind: &str,
    content_sha256: &str,
    body_sha256: &str,
    member_id: i64,
    signed_at: &str,
) -> Vec<u8> {
    format!(
        "heyat/ruling-signature/v1\n{kind}\n{content_sha256}\n{body_sha256}\n{member_id}\n{signed_at}"
    )
    .into_bytes()
}

/// What a checkpoint of the audit chain covers: the row number and hash of its head.
pub fn checkpoint_message(seq: i64, head: &str) -> Vec<u8> {
    format!("heyat/audit-checkpoint/v1\n{seq}\n{head}").into_bytes()
}

/// The signature of `message` by `key`, as lower-case hex.
pub(crate) fn sign(key: &SigningKey, message: &[u8]) -> String {
    hex::encode(key.sign(message).to_bytes())
}

/// Whether `signature_hex` is `public_key_hex`'s signature of `message` (strict Ed25519).
pub fn verify_signature(public_key_hex: &str, message: &[u8], signature_hex: &str) -> bool {
    let Ok(Ok(key)) = hex::decode(public_key_hex).map(|b| {
        <[u8; 32]>::try_from(b.as_slice())
            .map_err(|_| ())
            .and_then(|a| VerifyingKey::from_bytes(&a).map_err(|_| ()))
    }) else {
        return false;
    };
    let Ok(sig) = hex::decode(signature_hex) else {
        return false;
    };
    let Ok(sig) = <[u8; 64]>::try_from(sig.as_slice()) else {
        return false;
    };
    key.verify_strict(message, &Signature::from_bytes(&sig))
        .is_ok()
        && key.verify(message, &Signature::from_bytes(&sig)).is_ok()
}

/// The SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_hash_is_argon2id_with_owasps_parameters() {
        let phc = hash_password("گذرواژهٔ درست");
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(password_matches(&phc, "گذرواژهٔ درست"));
        assert!(!password_matches(&phc, "گذرواژهٔ نادرست"));
    }

    #[test]
    fn a_sealed_key_opens_only_with_its_password() {
        let (key, sealed) = new_sealed_key("secret-one");
        let opened = unseal(&sealed, "secret-one").expect("opens");
        assert_eq!(opened.to_bytes(), key.to_bytes());
        assert!(unseal(&sealed, "secret-two").is_none());
        let mut tampered = sealed.clone();
        tampered.sealed[0] ^= 1;
        assert!(unseal(&tampered, "secret-one").is_none());
        let mut other_public = sealed;
        other_public.public_key = hex::encode([7u8; 32]);
        assert!(unseal(&other_public, "secret-one").is_none());
    }

    #[test]
    fn a_signature_covers_its_message_only() {
        let (key, sealed) = new_sealed_key("pw-pw-pw-pw");
        let m = ruling_message("ruling", "aa", "bb", 3, "2026-12-03T10:00:00Z");
        let s = sign(&key, &m);
        assert!(verify_signature(&sealed.public_key, &m, &s));
        let other = ruling_message("ruling", "aa", "bc", 3, "2026-12-03T10:00:00Z");
        assert!(!verify_signature(&sealed.public_key, &other, &s));
        assert!(!verify_signature(
            &sealed.public_key,
            &checkpoint_message(1, "aa"),
            &s
        ));
        assert_eq!(fingerprint(&sealed.public_key).len(), 19);
    }
}
