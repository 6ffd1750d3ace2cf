using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

[TestFixture]
public class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddDays(1);

    private static User RegisterCustomer() => User.Register("ada@example.com", "Ada", "hash-1", Now);

    [Test]
    public void VerifyEmail_BootstrapAdmin_GrantsAdminOnlyOnVerificationAndOnlyOnce()
    {
        var user = User.Register("root@example.com", "Root", "hash-1", Now);
        Assert.That(user.IsInRole(Role.Admin), Is.False, "registering a bootstrap address grants nothing");

        var first = user.VerifyEmail(isBootstrapAdmin: true, Later);
        var second = user.VerifyEmail(isBootstrapAdmin: true, Later.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(new EmailVerification(Verified: true, MadeAdmin: true)));
            Assert.That(second, Is.EqualTo(new EmailVerification(Verified: false, MadeAdmin: false)));
            Assert.That(user.Roles, Is.EqualTo(new[] { Role.Admin, Role.Customer }));
            Assert.That(user.EmailVerifiedAt, Is.EqualTo(Later), "the first verification's time stays");
            Assert.That(user.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void VerifyEmail_OrdinaryAddress_VerifiesWithoutAnyRole()
    {
        var user = RegisterCustomer();

        var result = user.VerifyEmail(isBootstrapAdmin: false, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(new EmailVerification(Verified: true, MadeAdmin: false)));
            Assert.That(user.IsEmailVerified, Is.True);
            Assert.That(user.Roles, Is.EqualTo(new[] { Role.Customer }));
        }
    }

    [Test]
    public void ChangeEmail_MovesToTheNewAddressVerifiedAndReturnsTheOld()
    {
        var user = RegisterCustomer();

        var old = user.ChangeEmail("  Ada.New@Example.com ", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(old, Is.EqualTo("ada@example.com"));
            Assert.That(user.Email, Is.EqualTo("Ada.New@Example.com"));
            Assert.That(user.NormalizedEmail, Is.EqualTo(EmailAddress.Normalize("ada.new@example.com")));
            Assert.That(user.EmailVerifiedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void Register_NotBootstrapAdmin_GetsOnlyCustomerRole()
    {
        var user = RegisterCustomer();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Roles, Is.EquivalentTo(new[] { Role.Customer }));
            Assert.That(user.IsInRole(Role.Admin), Is.False);
        }
    }

    [Test]
    public void Register_Always_TrimsEmailAndDisplayNameAndStampsNow()
    {
        var user = User.Register("  Ada@Example.com ", "  Ada Lovelace ", "hash-1", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Email, Is.EqualTo("Ada@Example.com"));
            Assert.That(user.DisplayName, Is.EqualTo("Ada Lovelace"));
            Assert.That(user.CreatedAt, Is.EqualTo(Now));
            Assert.That(user.UpdatedAt, Is.EqualTo(Now));
            Assert.That(user.Id.Version, Is.EqualTo(7));
        }
    }

    [Test]
    public void Register_EmailsDifferingOnlyInCaseAndPadding_NormaliseToTheSameUpperCaseValue()
    {
        var first = User.Register("A@x.io ", "A", "hash-1", Now);
        var second = User.Register("a@X.IO", "B", "hash-2", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.NormalizedEmail, Is.EqualTo(second.NormalizedEmail));
            Assert.That(first.NormalizedEmail, Is.EqualTo("A@X.IO"));
        }
    }

    [Test]
    public void SetRoles_EmptyList_ThrowsRolesRequiredAndKeepsRoles()
    {
        var user = RegisterCustomer();

        var ex = Assert.Throws<DomainException>(() => user.SetRoles([], Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("users.roles_required"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Invalid));
            Assert.That(ex.Field, Is.EqualTo("roles"));
            Assert.That(user.Roles, Is.EquivalentTo(new[] { Role.Customer }));
            Assert.That(user.UpdatedAt, Is.EqualTo(Now));
        }
    }

    [TestCase("superuser")]
    [TestCase("Admin")]
    [TestCase("")]
    public void SetRoles_UnknownRole_ThrowsUnknownRoleAndKeepsRoles(string unknown)
    {
        var user = RegisterCustomer();

        var ex = Assert.Throws<DomainException>(() => user.SetRoles([Role.Agent, unknown], Later));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo("users.unknown_role"));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Invalid));
            Assert.That(ex.Field, Is.EqualTo("roles"));
            Assert.That(user.Roles, Is.EquivalentTo(new[] { Role.Customer }));
        }
    }

    [Test]
    public void SetRoles_WithDuplicates_StoresEachRoleOnceAndStampsUpdatedAt()
    {
        var user = RegisterCustomer();

        user.SetRoles([Role.Agent, Role.Customer, Role.Agent], Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Roles, Is.EquivalentTo(new[] { Role.Agent, Role.Customer }));
            Assert.That(user.Roles, Is.Unique);
            Assert.That(user.UpdatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void ChangePasswordHash_Always_ReplacesHashAndStampsUpdatedAt()
    {
        var user = RegisterCustomer();

        user.ChangePasswordHash("hash-2", Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.PasswordHash, Is.EqualTo("hash-2"));
            Assert.That(user.UpdatedAt, Is.EqualTo(Later));
        }
    }
}
