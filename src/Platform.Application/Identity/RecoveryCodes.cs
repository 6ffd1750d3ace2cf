using System.Security.Cryptography;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

internal static class RecoveryCodes
{
    /// <summary>A fresh set of <see cref="MfaRules.RecoveryCodeCount"/> normalised codes, each 80 random bits.</summary>
    public static IReadOnlyList<string> Create() =>
        [.. Enumerable.Range(0, MfaRules.RecoveryCodeCount).Select(_ => RandomNumberGenerator.GetString(RecoveryCode.Alphabet, RecoveryCode.Length))];
}
