using NUnit.Framework;
using Platform.Application.Common.Messaging;
using Platform.Architecture.Tests.Canaries;
using Platform.Architecture.Tests.Canaries.Naming;
using Platform.Architecture.Tests.Rules;
using Quartz;

namespace Platform.Architecture.Tests;

/// <summary>Rule 4: commands, queries, handlers, validators, DTOs and jobs are named for what they are.</summary>
[TestFixture]
public class NamingTests
{
    private static readonly IReadOnlyList<Type> Canaries = CanaryTypes.UnderNamespaceOf<CreateThingCommand>();

    private static string ApplicationAssemblyName => PlatformAssemblies.Application.GetName().Name!;

    [Test]
    public void Commands_end_with_Command()
    {
        var violations = NamingRules.FindMisnamedCommands(PlatformAssemblies.AllTypes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                ConcreteTypesImplementing(typeof(ICommandBase)),
                Is.Not.Empty,
                "no commands found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_command_not_ending_with_Command_is_reported()
    {
        var violations = NamingRules.FindMisnamedCommands(Canaries);

        Assert.That(violations.Select(v => v.Subject), Is.EqualTo(new[] { CanaryTypes.Name<CreateThingOrder>() }));
    }

    [Test]
    public void Queries_start_with_Get_or_List_and_end_with_Query()
    {
        var violations = NamingRules.FindMisnamedQueries(PlatformAssemblies.AllTypes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                ConcreteTypesImplementing(typeof(IQuery<>)),
                Is.Not.Empty,
                "no queries found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_queries_with_other_verbs_or_suffixes_are_reported()
    {
        var violations = NamingRules.FindMisnamedQueries(Canaries);

        Assert.That(
            violations.Select(v => v.Subject),
            Is.EquivalentTo(new[] { CanaryTypes.Name<FetchThingQuery>(), CanaryTypes.Name<GetThingLookup>() }));
    }

    [Test]
    public void Handlers_end_with_Handler()
    {
        var violations = NamingRules.FindMisnamedHandlers(PlatformAssemblies.AllTypes);

        Assert.That(violations, Is.Empty, Violation.Describe(violations));
    }

    [Test]
    public void Canary_handler_not_ending_with_Handler_is_reported()
    {
        var violations = NamingRules.FindMisnamedHandlers(Canaries);

        Assert.That(violations.Select(v => v.Subject), Is.EqualTo(new[] { CanaryTypes.Name<ThingProcessor>() }));
    }

    [Test]
    public void Validators_end_with_Validator()
    {
        var violations = NamingRules.FindMisnamedValidators(PlatformAssemblies.AllTypes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                RequestRules.Validators(PlatformAssemblies.AllTypes.Where(TypeFacts.IsUserWritten)),
                Is.Not.Empty,
                "no validators found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_validator_not_ending_with_Validator_is_reported()
    {
        var violations = NamingRules.FindMisnamedValidators(Canaries);

        Assert.That(violations.Select(v => v.Subject), Is.EqualTo(new[] { CanaryTypes.Name<ThingRules>() }));
    }

    [Test]
    public void Dtos_are_records_in_the_application_assembly()
    {
        var violations = NamingRules.FindMisplacedOrNonRecordDtos(PlatformAssemblies.AllTypes, ApplicationAssemblyName);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                PlatformAssemblies.AllTypes.Where(t => t.Name.EndsWith("Dto", StringComparison.Ordinal)),
                Is.Not.Empty,
                "no DTOs found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_dtos_outside_the_application_assembly_are_reported()
    {
        var violations = NamingRules.FindMisplacedOrNonRecordDtos(Canaries, ApplicationAssemblyName);

        Assert.That(
            violations.Select(v => v.ToString()),
            Is.EquivalentTo(new[]
            {
                $"{CanaryTypes.Name<ThingRecordDto>()}: DTO lives in Platform.Architecture.Tests, must live in Platform.Application",
                $"{CanaryTypes.Name<ThingClassDto>()}: DTO lives in Platform.Architecture.Tests, must live in Platform.Application",
                $"{CanaryTypes.Name<ThingClassDto>()}: DTO must be a record",
            }));
    }

    [Test]
    public void Canary_dto_that_is_a_class_rather_than_a_record_is_reported()
    {
        // Treat the test assembly as the application assembly, so only record-ness is judged.
        var violations = NamingRules.FindMisplacedOrNonRecordDtos(Canaries, typeof(NamingTests).Assembly.GetName().Name!);

        Assert.That(violations.Select(v => v.ToString()), Is.EqualTo(new[] { $"{CanaryTypes.Name<ThingClassDto>()}: DTO must be a record" }));
    }

    [Test]
    public void Quartz_jobs_end_with_Job()
    {
        var violations = NamingRules.FindMisnamedJobs(PlatformAssemblies.AllTypes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                ConcreteTypesImplementing(typeof(IJob)),
                Is.Not.Empty,
                "no Quartz jobs found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_job_not_ending_with_Job_is_reported()
    {
        var violations = NamingRules.FindMisnamedJobs(Canaries);

        Assert.That(violations.Select(v => v.Subject), Is.EqualTo(new[] { CanaryTypes.Name<CleanupWorker>() }));
    }

    /// <summary>The platform's user-written concrete types that implement <paramref name="interfaceType"/>: what the rule judges.</summary>
    private static List<Type> ConcreteTypesImplementing(Type interfaceType) =>
        PlatformAssemblies.AllTypes
            .Where(t => TypeFacts.IsUserWritten(t) && TypeFacts.IsConcrete(t) && TypeFacts.Implements(t, interfaceType))
            .ToList();
}
