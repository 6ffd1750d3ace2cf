using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Application.Common.Auditing;

/// <summary>
/// The pure rules for recognising a secret in JSON: by the property's name, or by what a string value looks like.
/// <see cref="AuditRedactor"/> applies them to audit rows, and the idempotency store uses them to decide that a response
/// must be encrypted.
/// </summary>
public static partial class SecretRules
{
    private const int MaxRememberedNames = 4096;

    private static readonly ConcurrentDictionary<string, bool> RememberedNames = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> RememberedNamesLookup =
        RememberedNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Words that make a property name secret when one of the name's words is one of them (or its plural). Words, not
    /// substrings: <c>signing_key</c> and <c>x_authorization</c> are secret, <c>keyset</c>, <c>monkey</c> and
    /// <c>secretary</c> are not. <c>api_key</c> needs no entry of its own: its last word is <c>key</c>.
    /// </summary>
    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
        [
            "password", "passwd", "passphrase", "secret", "token", "key", "apikey", "credential", "signature",
            "authorization", "cookie",
        ],
        StringComparer.Ordinal);

    /// <summary>
    /// True when a JSON property name names a secret: one of its words (after the app's snake_case naming, so
    /// <c>refreshToken</c>, <c>RefreshToken</c>, <c>refresh_token</c> and <c>X-Refresh-Token</c> agree) is a secret word.
    /// A name whose last word is <c>at</c> is a timestamp about a secret (<c>token_issued_at</c>,
    /// <c>password_changed_at</c>), not the secret, and is left alone; its value is still checked by
    /// <see cref="ScrubValue"/>.
    /// </summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsSecretName(name.AsSpan());
    }

    /// <summary>
    /// <see cref="IsSecretName(string)"/> for a name read from JSON. Answers are remembered for the first
    /// <see cref="MaxRememberedNames"/> names (the members of the DTOs and commands, whose names repeat on every
    /// request; dictionary keys can be anything, so the memory is bounded).
    /// </summary>
    public static bool IsSecretName(ReadOnlySpan<char> name)
    {
        if (RememberedNamesLookup.TryGetValue(name, out var known))
        {
            return known;
        }

        var text = name.ToString();
        var secret = DecideSecretName(text);
        if (RememberedNames.Count < MaxRememberedNames)
        {
            RememberedNames.TryAdd(text, secret);
        }

        return secret;
    }

    /// <summary>True when some part of the value looks like a credential (see <see cref="SecretShapes"/>).</summary>
    public static bool ContainsSecretValue(ReadOnlySpan<char> value) => SecretShapes().IsMatch(value);

    private static bool DecideSecretName(string name)
    {
        var words = WordSeparators().Split(JsonNamingPolicy.SnakeCaseLower.ConvertName(name)).Where(w => w.Length > 0).ToArray();
        if (words.Length == 0 || words[^1] == "at")
        {
            return false;
        }

        return words.Any(IsSecretWord);
    }

    /// <summary>True when some part of the value looks like a credential (see <see cref="SecretShapes"/>).</summary>
    public static bool ContainsSecretValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SecretShapes().IsMatch(value);
    }

    /// <summary>
    /// The value with every part that looks like a credential replaced by <see cref="AuditRedactor.Redacted"/>. Only
    /// the matching part goes, so a ticket body that quotes a webhook secret keeps the rest of its text.
    /// </summary>
    public static string ScrubValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SecretShapes().Replace(value, AuditRedactor.Redacted);
    }

    private static bool IsSecretWord(string word) =>
        Words.Contains(word) || (word.Length > 1 && word[^1] == 's' && Words.Contains(word[..^1]));

    /// <summary>What separates the words of a snake_case name: underscores, and the dashes or dots of names such as <c>X-Api-Key</c>.</summary>
    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSeparators();

    /// <summary>
    /// Credentials whose shape gives them away, wherever they appear in a string:
    /// <list type="bullet">
    /// <item>webhook signing secrets, ours and other services' (<c>whsec_</c>);</item>
    /// <item>well-known prefixed API keys: Stripe secret and restricted keys (<c>sk_live_</c>, <c>rk_test_</c>, ...),
    /// GitHub tokens (<c>ghp_</c>, <c>github_pat_</c>, ...), GitLab (<c>glpat-</c>), Slack (<c>xoxb-</c>, ...), Google
    /// API keys (<c>AIza</c>), npm (<c>npm_</c>);</item>
    /// <item>JSON Web Tokens: two base64url segments that start with <c>eyJ</c> (an encoded <c>{"</c>), then a third;</item>
    /// <item>an HTTP credential after <c>Bearer</c> or <c>Basic</c>: at least 16 token characters with a digit, a
    /// <c>+</c> or <c>/</c>, or a capital after a small letter, so "basic troubleshooting" is prose, not a credential;</item>
    /// <item>PEM private keys.</item>
    /// </list>
    /// Each prefix must start a word, so it is not found inside a longer identifier. Prefixes match in any case: a
    /// secret that was upper-cased (sign-in normalises the email it audits) still gives away most of itself.
    /// </summary>
    [GeneratedRegex(
        """
        (?<![A-Za-z0-9_])(?:
            (?i:whsec_)[A-Za-z0-9+/=_-]{16,}
          | (?i:[sr]k_(?:live|test)_)[A-Za-z0-9]{16,}
          | (?i:gh[pousr]_)[A-Za-z0-9]{30,}
          | (?i:github_pat_)[A-Za-z0-9_]{30,}
          | (?i:glpat-)[A-Za-z0-9_-]{20,}
          | (?i:xox[abeoprs]-)[A-Za-z0-9-]{10,}
          | AIza[A-Za-z0-9_-]{35}
          | (?i:npm_)[A-Za-z0-9]{36}
          | (?i:eyJ)[A-Za-z0-9_-]{8,}\.(?i:eyJ)[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*
          | (?i:bearer|basic)\s+(?=[A-Za-z0-9._~+/-]*(?:[0-9+/]|[a-z][A-Za-z0-9._~+/-]*[A-Z]))[A-Za-z0-9._~+/-]{16,}=*
          | -----BEGIN[A-Z\x20]*PRIVATE\x20KEY-----(?:[\s\S]*?-----END[A-Z\x20]*PRIVATE\x20KEY-----|[\s\S]*)
        )
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SecretShapes();
}
