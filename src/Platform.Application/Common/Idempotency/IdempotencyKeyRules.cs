namespace Platform.Application.Common.Idempotency;

public static class IdempotencyKeyRules
{
    public const int MaxLength = 255;

    /// <summary>1-255 printable ASCII characters (0x20-0x7E).</summary>
    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is >= ' ' and <= '~');
}
