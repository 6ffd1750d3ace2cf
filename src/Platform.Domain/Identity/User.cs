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

    public static User Register(string email, string displayName, string passwordHash, bool isBootstrapAdmin, DateTimeOffset now)
    {
        var initialRoles = isBootstrapAdmin ? new[] { Role.Customer, Role.Admin } : [Role.Customer];
        return new User(Uuid7.Create(now), email, displayName, passwordHash, initialRoles, now);
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
