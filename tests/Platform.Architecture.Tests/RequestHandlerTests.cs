using NUnit.Framework;
using Platform.Architecture.Tests.Canaries;
using Platform.Architecture.Tests.Canaries.Handlers;
using Platform.Architecture.Tests.Rules;

namespace Platform.Architecture.Tests;

/// <summary>Rule 2: every request has exactly one handler and at least one validator in its assembly.</summary>
[TestFixture]
public class RequestHandlerTests
{
    [Test]
    public void Every_application_request_has_exactly_one_handler_and_a_validator()
    {
        var types = PlatformAssemblies.TypesOf(PlatformAssemblies.Application);

        var violations = RequestRules.FindRequestsWithoutOneHandlerAndAValidator(types);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RequestRules.Requests(types), Is.Not.Empty, "no requests found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_requests_without_one_handler_or_without_a_validator_are_reported()
    {
        var violations = RequestRules.FindRequestsWithoutOneHandlerAndAValidator(CanaryTypes.UnderNamespaceOf<HandledCanaryRequest>());

        Assert.That(
            violations.Select(v => v.ToString()),
            Is.EquivalentTo(new[]
            {
                $"{CanaryTypes.Name<UnhandledCanaryRequest>()}: has 0 handlers, expected exactly 1 (none)",
                $"{CanaryTypes.Name<UnhandledCanaryRequest>()}: has no validator (IValidator<TRequest>)",
                $"{CanaryTypes.Name<TwiceHandledCanaryRequest>()}: has 2 handlers, expected exactly 1 "
                    + $"({CanaryTypes.Name<TwiceHandledCanaryRequestHandler>()}, {CanaryTypes.Name<TwiceHandledCanaryRequestOtherHandler>()})",
                $"{CanaryTypes.Name<UnvalidatedCanaryRequest>()}: has no validator (IValidator<TRequest>)",
            }));
    }
}
