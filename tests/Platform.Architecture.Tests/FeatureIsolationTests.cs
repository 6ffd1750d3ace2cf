using NUnit.Framework;
using Platform.Architecture.Tests.Canaries;
using Platform.Architecture.Tests.Canaries.Features;
using Platform.Architecture.Tests.Canaries.Features.Tickets;
using Platform.Architecture.Tests.Rules;

namespace Platform.Architecture.Tests;

/// <summary>Rule 5: an application feature uses no other feature's types; Common is shared.</summary>
[TestFixture]
public class FeatureIsolationTests
{
    private const string ApplicationRoot = "Platform.Application";

    [Test]
    public void Application_features_are_the_expected_ones()
    {
        var features = FeatureIsolationRules.Features(
            PlatformAssemblies.TypesOf(PlatformAssemblies.Application),
            ApplicationRoot,
            FeatureIsolationRules.SharedInApplication);

        // Guards the isolation test against passing vacuously (for example after a namespace rename).
        Assert.That(features, Is.SupersetOf(new[] { "Tickets", "Identity", "Auditing", "Housekeeping" }));
    }

    [Test]
    public void Application_features_do_not_use_each_others_types()
    {
        var violations = FeatureIsolationRules.FindCrossFeatureUses(
            PlatformAssemblies.TypesOf(PlatformAssemblies.Application),
            ApplicationRoot,
            FeatureIsolationRules.SharedInApplication);

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [Test]
    public void Canary_type_using_only_its_own_feature_and_Common_is_not_reported()
    {
        var violations = FeatureIsolationRules.FindCrossFeatureUses(
            CanaryTypes.WithNested(typeof(UsesOwnFeatureAndCommon)),
            FeatureCanaryRoot.Namespace,
            FeatureIsolationRules.SharedInApplication);

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [TestCase(typeof(UsesIdentityViaField), "field user")]
    [TestCase(typeof(UsesIdentityViaProperty), "property Owner")]
    [TestCase(typeof(UsesIdentityViaParameter), "parameter user of Accepts")]
    [TestCase(typeof(UsesIdentityViaReturn), "return type of Find")]
    [TestCase(typeof(UsesIdentityViaConstructor), "constructor parameter user")]
    [TestCase(typeof(UsesIdentityViaBaseType), "base type")]
    [TestCase(typeof(UsesIdentityViaInterface), "interface")]
    [TestCase(typeof(UsesIdentityViaGenericArgument), "parameter users of Names")]
    [TestCase(typeof(UsesIdentityViaMethodBody), "body of Describe")]
    [TestCase(typeof(UsesIdentityViaAsyncLocal), "field <user>")]
    public void Canary_type_reaching_into_another_feature_is_reported(Type canary, string via)
    {
        var violations = FeatureIsolationRules.FindCrossFeatureUses(
            CanaryTypes.WithNested(canary),
            FeatureCanaryRoot.Namespace,
            FeatureIsolationRules.SharedInApplication);

        Assert.That(
            violations,
            Has.Some.Matches<Violation>(v =>
                v.Subject.StartsWith(canary.FullName!, StringComparison.Ordinal)
                && v.Message.Contains("feature 'Tickets' uses Platform.Architecture.Tests.Canaries.Features.Identity.", StringComparison.Ordinal)
                && v.Message.Contains($"({via}", StringComparison.Ordinal)),
            Violation.Describe(violations));
    }

    [Test]
    public void Canary_whole_feature_namespace_reports_every_offender_and_nothing_else()
    {
        var violations = FeatureIsolationRules.FindCrossFeatureUses(
            CanaryTypes.UnderNamespace(FeatureCanaryRoot.Namespace),
            FeatureCanaryRoot.Namespace,
            FeatureIsolationRules.SharedInApplication);

        var offenders = violations.Select(v => v.Subject.Split('+')[0]).Distinct().Order(StringComparer.Ordinal);
        var expected = typeof(CanaryTicket).Assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace == typeof(CanaryTicket).Namespace && t.Name.StartsWith("UsesIdentityVia", StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal);
        Assert.That(offenders, Is.EqualTo(expected));
    }
}
