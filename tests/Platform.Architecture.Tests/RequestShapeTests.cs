using NUnit.Framework;
using Platform.Architecture.Tests.Canaries;
using Platform.Architecture.Tests.Canaries.Requests;
using Platform.Architecture.Tests.Rules;

namespace Platform.Architecture.Tests;

/// <summary>Rule 6: requests are sealed records in Feature.Commands.Name or Feature.Queries.Name.</summary>
[TestFixture]
public class RequestShapeTests
{
    [Test]
    public void Requests_are_sealed_records_in_their_use_case_namespace()
    {
        var types = PlatformAssemblies.TypesOf(PlatformAssemblies.Application);

        var violations = RequestRules.FindMisshapenRequests(types, "Platform.Application");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RequestRules.Requests(types), Is.Not.Empty, "no requests found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty, Violation.Describe(violations));
        }
    }

    [Test]
    public void Canary_misshapen_or_misfiled_requests_are_reported()
    {
        const string Root = RequestCanaryRoot.Namespace;

        var violations = RequestRules.FindMisshapenRequests(CanaryTypes.UnderNamespace(Root), Root);

        Assert.That(
            violations.Select(v => v.ToString()),
            Is.EquivalentTo(new[]
            {
                $"{Root}.Things.Commands.RenameThing.RenameThingCommand: is not a record class",
                $"{Root}.Things.Commands.ArchiveThing.ArchiveThingCommand: is not sealed",
                $"{Root}.Things.Commands.Misfiled.DeleteThingCommand: lives in namespace '{Root}.Things.Commands.Misfiled', "
                    + $"expected {Root}.<Feature>.Commands.DeleteThing",
                $"{Root}.Things.Commands.ListThings.ListThingsQuery: lives in namespace '{Root}.Things.Commands.ListThings', "
                    + $"expected {Root}.<Feature>.Queries.ListThings",
                $"{Root}.Common.Commands.PurgeThings.PurgeThingsCommand: lives in namespace '{Root}.Common.Commands.PurgeThings', "
                    + $"expected {Root}.<Feature>.Commands.PurgeThings",
                $"{Root}.Things.Queries.CountThingsQuery: lives in namespace '{Root}.Things.Queries', "
                    + $"expected {Root}.<Feature>.Queries.CountThings",
                $"{Root}.Things.Requests.PingThing.PingThingRequest: is neither a command (ICommand<T>) nor a query (IQuery<T>), "
                    + "so it has no folder convention",
            }));
    }
}
