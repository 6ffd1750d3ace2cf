using NUnit.Framework;
using Platform.Application.Common.Interfaces;
using Platform.Architecture.Tests.Canaries;
using Platform.Architecture.Tests.Canaries.Endpoints;
using Platform.Architecture.Tests.Rules;
using Platform.Infrastructure.Persistence;

namespace Platform.Architecture.Tests;

/// <summary>Rule 8: endpoint classes are static and internal, and endpoints never touch the database context.</summary>
[TestFixture]
public class EndpointTests
{
    private const string EndpointsNamespace = "Platform.Api.Endpoints";

    /// <summary>The context itself, and the interface Application hands out for it.</summary>
    private static readonly IReadOnlyList<Type> DatabaseContexts = [typeof(PlatformDbContext), typeof(IPlatformDbContext)];

    private static readonly string CanaryNamespace = typeof(GoodCanaryEndpoints).Namespace!;

    [Test]
    public void Endpoint_classes_are_static_and_internal()
    {
        var types = PlatformAssemblies.TypesOf(PlatformAssemblies.Api);

        var violations = EndpointRules.FindEndpointClassesNotStaticAndInternal(types, EndpointsNamespace);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(EndpointRules.EndpointClasses(types, EndpointsNamespace), Is.Not.Empty, "no endpoint classes found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_public_or_instance_endpoint_classes_are_reported()
    {
        var violations = EndpointRules.FindEndpointClassesNotStaticAndInternal(CanaryTypes.UnderNamespace(CanaryNamespace), CanaryNamespace);

        Assert.That(
            violations.Select(v => v.ToString()),
            Is.EquivalentTo(new[]
            {
                $"{CanaryTypes.Name(typeof(PublicCanaryEndpoints))}: endpoint class must be internal",
                $"{CanaryTypes.Name(typeof(InstanceCanaryEndpoints))}: endpoint class must be static",
            }));
    }

    [Test]
    public void The_api_builds_results_with_TypedResults_only()
    {
        // One way to answer: TypedResults carry their status and body type (for OpenAPI and tests); Results does not.
        var references = PlatformAssemblies.TypesOf(PlatformAssemblies.Api)
            .SelectMany(type => TypeReferences.Of(type, includeMethodBodies: true).Select(r => (Type: type, r.Target, r.Via)))
            .ToList();

        var untyped = references.Where(r => r.Target == typeof(Microsoft.AspNetCore.Http.Results))
            .Select(r => $"{TypeFacts.Display(r.Type)} uses Results ({r.Via})")
            .Distinct()
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(references.Any(r => r.Target == typeof(Microsoft.AspNetCore.Http.TypedResults)), Is.True, "no TypedResults use found: the rule would pass vacuously");
            Assert.That(untyped, Is.Empty);
        }
    }

    [Test]
    public void Endpoints_do_not_use_the_database_context()
    {
        var types = PlatformAssemblies.TypesOf(PlatformAssemblies.Api);

        var violations = EndpointRules.FindTypesUsing(types, EndpointsNamespace, DatabaseContexts);

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [Test]
    public void Canary_endpoints_using_the_context_in_a_signature_a_body_or_a_lambda_are_reported()
    {
        var violations = EndpointRules.FindTypesUsing(CanaryTypes.UnderNamespace(CanaryNamespace), CanaryNamespace, DatabaseContexts);

        var offenders = violations.Select(v => v.Subject.Split('+')[0]).Distinct();
        Assert.That(
            offenders,
            Is.EquivalentTo(new[]
            {
                CanaryTypes.Name(typeof(DbParameterCanaryEndpoints)),
                CanaryTypes.Name(typeof(ServiceLocatorCanaryEndpoints)),
                CanaryTypes.Name(typeof(LambdaCanaryEndpoints)),
            }),
            Violation.Describe(violations));
    }

    [Test]
    public void Canary_context_scan_finds_the_real_uses_in_Infrastructure()
    {
        // Infrastructure owns the context, so pointing the same check at it must find uses in real compiled code.
        var violations = EndpointRules.FindTypesUsing(PlatformAssemblies.TypesOf(PlatformAssemblies.Infrastructure), "Platform.Infrastructure", DatabaseContexts);

        Assert.That(violations.Select(v => v.Subject), Has.Some.EqualTo("Platform.Infrastructure.Idempotency.PostgresIdempotencyKeys"));
    }
}
