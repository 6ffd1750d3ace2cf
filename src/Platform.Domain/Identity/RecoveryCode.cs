namespace Platform.Domain.Identity;

/// <summary>
/// A recovery code: 16 characters from a 32-letter alphabet without look-alikes (no <c>l</c>, <c>o</c>, <c>0</c> or
/// <c>1</c>), so 80 random bits, shown as four groups (<c>abcd-efgh-jkmn-pqrs</c>). Typed input is normalised first:
/// case, spaces and hyphens do not matter.
/// </summary>
public static class RecoveryCode
{
    public const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public const int Length = 16;

    private const int GroupLength = 4;

    /// <summary>The code without separators, in lower case; what is hashed and compared.</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Concat(code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant));
    }

    /// <summary>Whether the typed text, once normalised, can be a recovery code.</summary>
    public static bool IsWellFormed(string? code)
    {
        if (code is null || code.Length > 2 * Length)
        {
            return false;
        }

        var normalized = Normalize(code);
        return normalized.Length == Length && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>The normalised code as it is shown: four groups of four, joined by hyphens.</summary>
    public static string Format(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length != Length)
        {
            throw new ArgumentException($"A recovery code has {Length} characters.", nameof(normalized));
        }

        return string.Join('-', Enumerable.Range(0, Length / GroupLength).Select(i => normalized.Substring(i * GroupLength, GroupLength)));
    }
}
