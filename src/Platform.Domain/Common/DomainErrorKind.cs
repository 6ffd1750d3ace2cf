namespace Platform.Domain.Common;

/// <summary>What kind of rule a <see cref="DomainException"/> enforces; the API maps it to a status code.</summary>
public enum DomainErrorKind
{
    /// <summary>The action conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>The actor's role does not allow the action (403).</summary>
    Forbidden,

    /// <summary>An argument breaks a rule (400).</summary>
    Invalid,
}
