using NUnit.Framework;
using Platform.Architecture.Tests.Rules;

namespace Platform.Architecture.Tests;

/// <summary>Rule 1: dependencies point inward (Domain &lt;- Application &lt;- Infrastructure &lt;- Api).</summary>
[TestFixture]
public class LayerDirectionTests
{
    [Test]
    public void Domain_references_no_Platform_assembly_and_no_IO_package()
    {
        var violations = LayerRules.FindForbiddenReferences(PlatformAssemblies.Domain, LayerRules.ForbiddenForDomain);

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [Test]
    public void Application_references_neither_Infrastructure_nor_Api_nor_AspNetCore()
    {
        var violations = LayerRules.FindForbiddenReferences(PlatformAssemblies.Application, LayerRules.ForbiddenForApplication);

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [Test]
    public void Infrastructure_does_not_reference_Api()
    {
        var violations = LayerRules.FindForbiddenReferences(PlatformAssemblies.Infrastructure, LayerRules.ForbiddenForInfrastructure);

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [Test]
    public void Canary_domain_rule_reports_a_fake_domain_that_references_outer_layers_and_IO_packages()
    {
        string[] references =
        [
            "System.Runtime",
            "System.Collections",
            "Platform.Application",
            "Microsoft.EntityFrameworkCore",
            "Npgsql",
            "Microsoft.AspNetCore.Http.Abstractions",
            "System.Net.Http",
            "System.Net.Http.Json",
            "MediatR",
            "FluentValidation",
            "Quartz",
        ];

        var violations = LayerRules.FindForbiddenReferences("Platform.Domain", references, LayerRules.ForbiddenForDomain);

        Assert.That(
            violations.Select(v => v.Message),
            Has.Exactly(references.Length - 2).Items.And.None.Contains("System.Runtime").And.None.Contains("System.Collections"));
    }

    [Test]
    public void Canary_application_rule_reports_a_fake_application_that_references_Infrastructure_Api_and_AspNetCore()
    {
        string[] references = ["Platform.Domain", "MediatR", "Platform.Infrastructure", "Platform.Api", "Microsoft.AspNetCore.Routing"];

        var violations = LayerRules.FindForbiddenReferences("Platform.Application", references, LayerRules.ForbiddenForApplication);

        Assert.That(
            violations.Select(v => v.Message),
            Has.Exactly(3).Items
                .And.Some.StartsWith("references Platform.Infrastructure ")
                .And.Some.StartsWith("references Platform.Api ")
                .And.Some.StartsWith("references Microsoft.AspNetCore.Routing "));
    }

    [Test]
    public void Canary_infrastructure_rule_reports_a_fake_infrastructure_that_references_Api()
    {
        var violations = LayerRules.FindForbiddenReferences(
            "Platform.Infrastructure",
            ["Platform.Application", "Platform.Api"],
            LayerRules.ForbiddenForInfrastructure);

        Assert.That(violations.Select(v => v.Message), Is.EqualTo(new[] { "references Platform.Api (forbidden: Platform.Api)" }));
    }

    [Test]
    public void Canary_rules_read_real_assembly_references_and_catch_the_outer_layers()
    {
        // The real Application assembly is not a valid Domain, and the real Api is not a valid Application.
        var applicationAsDomain = LayerRules.FindForbiddenReferences(PlatformAssemblies.Application, LayerRules.ForbiddenForDomain);
        var apiAsApplication = LayerRules.FindForbiddenReferences(PlatformAssemblies.Api, LayerRules.ForbiddenForApplication);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(applicationAsDomain.Select(v => v.Message), Has.Some.StartsWith("references Platform.Domain "));
            Assert.That(applicationAsDomain.Select(v => v.Message), Has.Some.StartsWith("references MediatR "));
            Assert.That(apiAsApplication.Select(v => v.Message), Has.Some.StartsWith("references Platform.Infrastructure "));
            Assert.That(apiAsApplication.Select(v => v.Message), Has.Some.StartsWith("references Microsoft.AspNetCore"));
        }
    }
}
