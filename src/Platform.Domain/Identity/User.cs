using Platform.Domain.Common;
using Platform.Domain.Identity.Events;

namespace Platform.Domain.Identity;

/// <summary>An account. The password is only ever held as a hash.</summary>
public sealed class User : Entity
{
    private List<string> roles = [];

    private User()
    {
    }

    private User(Guid id, string email, string displayName, string passwordHash, IEnumerable<string> roles, DateTimeOffset now)
        : base(id)
    {
        Email = EmailAddress.Clean(email);
        NormalizedEmail = EmailAddress.Normalize(email);
        DisplayName = displayName.Trim();
        PasswordHash = passwordHash;
        this.roles = [.. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Email { get; private set; } = string.Empty;

    public string NormalizedEmail { get; private set; } = string.Empty;

    public string DisplayName { get; private set; } = string.Empty;

    public string PasswordHash { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles => roles;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When an admin disabled the account; a disabled account cannot sign in.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool IsDisabled => DisabledAt is not null;

    /// <summary>When the owner proved the address by a mailed token; null while it is unproven.</summary>
    public DateTimeOffset? EmailVerifiedAt { get; private set; }

    public bool IsEmailVerified => EmailVerifiedAt is not null;

    /// <summary>
    /// A new customer account with an unverified address. Admin is never granted here: a bootstrap admin address
    /// becomes admin when it is verified (<see cref="VerifyEmail"/>), so registering someone else's address first
    /// gains nothing.
    /// </summary>
    public static User Register(string email, string displayName, string passwordHash, DateTimeOffset now) =>
        new(Uuid7.Create(now), email, displayName, passwordHash, [Role.Customer], now);

    /// <summary>
    /// Marks the current address as proven. When it is a bootstrap admin address (<paramref name="isBootstrapAdmin"/>)
    /// the account also becomes an admin. Returns what changed; verifying twice changes nothing.
    /// </summary>
    public EmailVerification VerifyEmail(bool isBootstrapAdmin, DateTimeOffset now)
    {
        var verified = EmailVerifiedAt is null;
        if (verified)
        {
            EmailVerifiedAt = now;
        }

        var madeAdmin = isBootstrapAdmin && !IsInRole(Role.Admin);
        if (madeAdmin)
        {
            roles = [.. roles.Append(Role.Admin).Order(StringComparer.Ordinal)];
        }

        if (verified || madeAdmin)
        {
            UpdatedAt = now;
        }

        return new EmailVerification(verified, madeAdmin);
    }

    /// <summary>
    /// Moves the account to <paramref name="newEmail"/>, which its owner has just proven by a token mailed to it: the
    /// new address is verified from now. Returns the old address.
    /// </summary>
    public string ChangeEmail(string newEmail, DateTimeOffset now)
    {
        var old = Email;
        Email = EmailAddress.Clean(newEmail);
        NormalizedEmail = EmailAddress.Normalize(newEmail);
        EmailVerifiedAt = now;
        UpdatedAt = now;
        return old;
    }

    public bool IsInRole(string role) => roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Replaces the user's roles. Every user keeps at least one role.</summary>
    public void SetRoles(IEnumerable<string> newRoles, DateTimeOffset now)
    {
        var list = newRoles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new DomainException(IdentityErrorCodes.RolesRequired, "A user must have at least one role.", DomainErrorKind.Invalid, "roles");
        }

        var unknown = list.Where(r => !Role.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(IdentityErrorCodes.UnknownRole, $"Unknown role '{unknown[0]}'.", DomainErrorKind.Invalid, "roles");
        }

        roles = list;
        UpdatedAt = now;
    }

    public void ChangePasswordHash(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        UpdatedAt = now;
        Raise(new PasswordChangedDomainEvent(this, now));
    }

    /// <summary>Disables the account. Returns false when it already was.</summary>
    public bool Disable(DateTimeOffset now)
    {
        if (DisabledAt is not null)
        {
            return false;
        }

        DisabledAt = now;
        UpdatedAt = now;
        Raise(new UserDisabledDomainEvent(this, now));
        return true;
    }

    /// <summary>Enables the account again. Returns false when it was not disabled.</summary>
    public bool Enable(DateTimeOffset now)
    {
        if (DisabledAt is null)
        {
            return false;
        }

        DisabledAt = null;
        UpdatedAt = now;
        return true;
    }
}
