namespace Platform.Application.Identity;

/// <summary>What an <c>mfa_token</c> is for.</summary>
public enum MfaChallengePurpose
{
    /// <summary>A sign-in that passed its first factor waits for a code or a recovery code.</summary>
    SignIn,

    /// <summary>An account that must have a second factor (<c>Auth:RequireMfaForRoles</c>) sets one up before it gets a session.</summary>
    Enrolment,
}
