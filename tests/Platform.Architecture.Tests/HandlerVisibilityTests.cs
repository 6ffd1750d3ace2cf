using NUnit.Framework;
using Platform.Architecture.Tests.Canaries;
using Platform.Architecture.Tests.Canaries.Handlers;
using Platform.Architecture.Tests.Rules;

namespace Platform.Architecture.Tests;

/// <summary>Rule 3: handlers and validators are internal and sealed.</summary>
[TestFixture]
public class HandlerVisibilityTests
{
    [Test]
    public void Handlers_and_validators_are_internal_and_sealed()
    {
        var violations = HandlerRules.FindPublicOrUnsealedHandlersAndValidators(PlatformAssemblies.AllTypes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RequestRules.Handlers(PlatformAssemblies.AllTypes), Is.Not.Empty, "no handlers found: the rule would pass vacuously");
            Assert.That(RequestRules.Validators(PlatformAssemblies.AllTypes), Is.Not.Empty, "no validators found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_public_unsealed_handler_and_validator_are_reported()
    {
        var violations = HandlerRules.FindPublicOrUnsealedHandlersAndValidators(CanaryTypes.UnderNamespaceOf<HandledCanaryRequest>());

        Assert.That(
            violations.Select(v => v.ToString()),
            Is.EquivalentTo(new[]
            {
                $"{CanaryTypes.Name<PublicUnsealedCanaryHandler>()}: handler is public, must be internal",
                $"{CanaryTypes.Name<PublicUnsealedCanaryHandler>()}: handler is not sealed",
                $"{CanaryTypes.Name<PublicUnsealedCanaryValidator>()}: validator is public, must be internal",
                $"{CanaryTypes.Name<PublicUnsealedCanaryValidator>()}: validator is not sealed",
            }));
    }
}
