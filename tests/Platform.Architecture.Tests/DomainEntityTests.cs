using NUnit.Framework;
using Platform.Architecture.Tests.Canaries;
using Platform.Architecture.Tests.Canaries.Entities;
using Platform.Architecture.Tests.Rules;
using Platform.Domain.Common;

namespace Platform.Architecture.Tests;

/// <summary>Rule 7: entities change only through their methods.</summary>
[TestFixture]
public class DomainEntityTests
{
    [Test]
    public void Entities_have_no_public_setters()
    {
        var types = PlatformAssemblies.AllTypes;

        var violations = EntityRules.FindPublicSetters(types, typeof(Entity));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(EntityRules.Entities(types, typeof(Entity)), Is.Not.Empty, "no entities found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_entities_with_public_set_init_or_writable_field_are_reported()
    {
        var violations = EntityRules.FindPublicSetters(CanaryTypes.UnderNamespaceOf<PublicSetterCanaryEntity>(), typeof(Entity));

        Assert.That(
            violations.Select(v => v.ToString()),
            Is.EquivalentTo(new[]
            {
                $"{CanaryTypes.Name<PublicSetterCanaryEntity>()}: property Name (declared on PublicSetterCanaryEntity) has a public setter",
                $"{CanaryTypes.Name<InitSetterCanaryEntity>()}: property Name (declared on InitSetterCanaryEntity) has a public setter",
                $"{CanaryTypes.Name<PublicFieldCanaryEntity>()}: field Name (declared on PublicFieldCanaryEntity) is public and writable",
            }));
    }
}
