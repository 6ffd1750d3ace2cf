using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>The back-off (<see cref="LoginBackoff"/>) as every sign-in step uses it: passwords, and second-factor codes under a key of their own.</summary>
internal static class LoginFailureStoreExtensions
{
    /// <summary>429 <c>auth.login_backoff</c> with the wait, when the account's tries are blocked; <paramref name="why"/> opens the message.</summary>
    public static async Task ThrowIfBlockedAsync(this ILoginFailureStore failures, string account, DateTimeOffset now, string why, CancellationToken cancellationToken)
    {
        if (await failures.BlockedUntilAsync(account, now, cancellationToken) is { } blockedUntil)
        {
            var wait = blockedUntil - now;
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            throw new TooManyRequestsException(
                IdentityErrorCodes.LoginBackoff,
                $"{why} Retry in {seconds} second{(seconds == 1 ? string.Empty : "s")}.",
                wait);
        }
    }

    /// <summary>Counts one more failure and blocks for the delay the count earns; returns the count.</summary>
    public static Task<int> RecordAsync(this ILoginFailureStore failures, string account, DateTimeOffset now, CancellationToken cancellationToken) =>
        failures.RecordFailureAsync(account, now, LoginBackoff.ForgetAfter, LoginBackoff.DelayAfter, cancellationToken);
}
