using NUnit.Framework;
using Platform.Domain.Common;

namespace Platform.Domain.Tests.Status;

internal static class StatusTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>When the action under test happens: strictly later than <see cref="Now"/>.</summary>
    public static readonly DateTimeOffset Later = Now.AddHours(1);

    public static readonly Guid StaffId = Guid.Parse("0c000000-0000-4000-8000-000000000001");
    public static readonly Guid ApiId = Guid.Parse("0c000000-0000-4000-8000-0000000000a1");
    public static readonly Guid WebId = Guid.Parse("0c000000-0000-4000-8000-0000000000a2");

    /// <summary>Asserts that <paramref name="action"/> throws the given rule violation, and returns it.</summary>
    public static DomainException AssertRule(TestDelegate action, string code, DomainErrorKind kind, string? field = null)
    {
        var ex = Assert.Throws<DomainException>(action);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo(code));
            Assert.That(ex.Kind, Is.EqualTo(kind));
            Assert.That(ex.Field, Is.EqualTo(field));
        }

        return ex;
    }
}
