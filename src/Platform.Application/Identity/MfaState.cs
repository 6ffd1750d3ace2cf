namespace Platform.Application.Identity;

/// <summary>An account's authenticator: <paramref name="ConfirmedAt"/> is null while the enrolment waits for its first code.</summary>
public sealed record MfaState(DateTimeOffset? ConfirmedAt, int RecoveryCodesRemaining)
{
    public bool IsConfirmed => ConfirmedAt is not null;
}
