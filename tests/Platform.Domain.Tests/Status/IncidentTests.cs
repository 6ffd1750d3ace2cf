using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Status;
using static Platform.Domain.Tests.Status.StatusTestData;

namespace Platform.Domain.Tests.Status;

/// <summary>Opening an incident, its timeline of updates, and resolution being final.</summary>
[TestFixture]
public class IncidentTests
{
    private static Incident OpenIncident(IncidentStatus status = IncidentStatus.Investigating) =>
        Incident.Open(
            "Elevated API errors",
            status,
            IncidentImpact.Major,
            [ApiId, WebId, ApiId],
            "We are looking into it.",
            ServiceStatus.PartialOutage,
            StaffId,
            Now);

    [Test]
    public void Open_ValidInput_StartsWithOneUpdateAtVersionOne()
    {
        var incident = OpenIncident();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.Id.Version, Is.EqualTo(7));
            Assert.That(incident.Title, Is.EqualTo("Elevated API errors"));
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Investigating));
            Assert.That(incident.Impact, Is.EqualTo(IncidentImpact.Major));
            Assert.That(incident.IsOpen, Is.True);
            Assert.That(incident.ResolvedAt, Is.Null);
            Assert.That(incident.CreatedAt, Is.EqualTo(Now));
            Assert.That(incident.UpdatedAt, Is.EqualTo(Now));
            Assert.That(incident.Version, Is.EqualTo(1));
            Assert.That(incident.Updates, Has.Count.EqualTo(1));
        }

        var first = incident.Updates[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Id.Version, Is.EqualTo(7));
            Assert.That(first.IncidentId, Is.EqualTo(incident.Id));
            Assert.That(first.Status, Is.EqualTo(IncidentStatus.Investigating));
            Assert.That(first.Message, Is.EqualTo("We are looking into it."));
            Assert.That(first.ServiceStatus, Is.EqualTo(ServiceStatus.PartialOutage));
            Assert.That(first.CreatedBy, Is.EqualTo(StaffId));
            Assert.That(first.CreatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Open_DuplicateAffectedServices_KeepsEachOnceInFirstSeenOrder()
    {
        var incident = OpenIncident();

        Assert.That(incident.AffectedServiceIds, Is.EqualTo(new[] { ApiId, WebId }));
    }

    [Test]
    public void Open_NoAffectedServicesAndNoServiceStatus_IsAccepted()
    {
        var incident = Incident.Open("Login slow", IncidentStatus.Identified, IncidentImpact.Minor, [], "Cause found.", null, StaffId, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.AffectedServiceIds, Is.Empty);
            Assert.That(incident.Updates[0].ServiceStatus, Is.Null);
        }
    }

    [Test]
    public void Open_AsResolved_IsClosedAndResolvedAtNow()
    {
        var incident = OpenIncident(IncidentStatus.Resolved);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Resolved));
            Assert.That(incident.IsOpen, Is.False);
            Assert.That(incident.ResolvedAt, Is.EqualTo(Now));
            Assert.That(incident.Version, Is.EqualTo(1));
        }
    }

    [Test]
    public void Open_TitleWithSurroundingWhitespace_IsStoredTrimmed()
    {
        var incident = Incident.Open("  Outage \t", IncidentStatus.Investigating, IncidentImpact.None, [], "Hi.", null, StaffId, Now);

        Assert.That(incident.Title, Is.EqualTo("Outage"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null, 201)]
    public void Open_TitleBlankOrLongerThan200_ThrowsInvalidTitle(string? title, int length = 0)
    {
        title ??= new string('t', length);

        AssertRule(
            () => Incident.Open(title, IncidentStatus.Investigating, IncidentImpact.None, [], "Hi.", null, StaffId, Now),
            "status.invalid_title",
            DomainErrorKind.Invalid,
            "title");
    }

    [Test]
    public void Open_TitleOf200Characters_IsAccepted()
    {
        var incident = Incident.Open(new string('t', 200), IncidentStatus.Investigating, IncidentImpact.None, [], "Hi.", null, StaffId, Now);

        Assert.That(incident.Title, Has.Length.EqualTo(200));
    }

    [TestCase("")]
    [TestCase(" \n ")]
    [TestCase(null, 5001)]
    public void Open_MessageBlankOrLongerThan5000_ThrowsInvalidMessage(string? message, int length = 0)
    {
        message ??= new string('m', length);

        AssertRule(
            () => Incident.Open("Outage", IncidentStatus.Investigating, IncidentImpact.None, [], message, null, StaffId, Now),
            "status.invalid_message",
            DomainErrorKind.Invalid,
            "message");
    }

    [Test]
    public void Open_MessageOf5000Characters_IsAccepted()
    {
        var incident = Incident.Open("Outage", IncidentStatus.Investigating, IncidentImpact.None, [], new string('m', 5000), null, StaffId, Now);

        Assert.That(incident.Updates[0].Message, Has.Length.EqualTo(5000));
    }

    [TestCase(IncidentStatus.Investigating, IncidentStatus.Identified)]
    [TestCase(IncidentStatus.Identified, IncidentStatus.Monitoring)]
    [TestCase(IncidentStatus.Monitoring, IncidentStatus.Investigating)]
    [TestCase(IncidentStatus.Investigating, IncidentStatus.Investigating)]
    public void AddUpdate_WhileOpen_SetsStatusAppendsUpdateAndBumpsVersion(IncidentStatus from, IncidentStatus to)
    {
        var incident = OpenIncident(from);

        var update = incident.AddUpdate(to, "Progress.", ServiceStatus.DegradedPerformance, StaffId, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.Status, Is.EqualTo(to));
            Assert.That(incident.IsOpen, Is.True);
            Assert.That(incident.ResolvedAt, Is.Null);
            Assert.That(incident.Version, Is.EqualTo(2));
            Assert.That(incident.UpdatedAt, Is.EqualTo(Later));
            Assert.That(incident.CreatedAt, Is.EqualTo(Now));
            Assert.That(incident.Updates, Has.Count.EqualTo(2));
            Assert.That(incident.Updates[^1], Is.SameAs(update));
            Assert.That(update.IncidentId, Is.EqualTo(incident.Id));
            Assert.That(update.ServiceStatus, Is.EqualTo(ServiceStatus.DegradedPerformance));
            Assert.That(update.CreatedAt, Is.EqualTo(Later));
        }
    }

    [Test]
    public void AddUpdate_Resolved_ClosesTheIncidentAtThatTime()
    {
        var incident = OpenIncident();
        incident.AddUpdate(IncidentStatus.Monitoring, "Fix deployed.", null, StaffId, Now.AddMinutes(10));

        incident.AddUpdate(IncidentStatus.Resolved, "All good.", ServiceStatus.Operational, StaffId, Later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Resolved));
            Assert.That(incident.IsOpen, Is.False);
            Assert.That(incident.ResolvedAt, Is.EqualTo(Later));
            Assert.That(incident.Version, Is.EqualTo(3));
        }
    }

    [TestCase(IncidentStatus.Investigating)]
    [TestCase(IncidentStatus.Resolved)]
    public void AddUpdate_AfterResolved_ThrowsIncidentResolvedConflictAndChangesNothing(IncidentStatus status)
    {
        var incident = OpenIncident();
        incident.AddUpdate(IncidentStatus.Resolved, "All good.", null, StaffId, Now.AddMinutes(10));

        AssertRule(() => incident.AddUpdate(status, "Again?", null, StaffId, Later), "status.incident_resolved", DomainErrorKind.Conflict);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.Updates, Has.Count.EqualTo(2));
            Assert.That(incident.ResolvedAt, Is.EqualTo(Now.AddMinutes(10)));
            Assert.That(incident.Version, Is.EqualTo(2));
        }
    }

    [Test]
    public void AddUpdate_ToIncidentOpenedAsResolved_ThrowsIncidentResolved()
    {
        var incident = OpenIncident(IncidentStatus.Resolved);

        AssertRule(() => incident.AddUpdate(IncidentStatus.Monitoring, "Hm.", null, StaffId, Later), "status.incident_resolved", DomainErrorKind.Conflict);
    }

    [Test]
    public void AddUpdate_BlankMessage_ThrowsInvalidMessageAndChangesNothing()
    {
        var incident = OpenIncident();

        AssertRule(() => incident.AddUpdate(IncidentStatus.Resolved, " ", null, StaffId, Later), "status.invalid_message", DomainErrorKind.Invalid, "message");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Investigating));
            Assert.That(incident.IsOpen, Is.True);
            Assert.That(incident.Updates, Has.Count.EqualTo(1));
            Assert.That(incident.Version, Is.EqualTo(1));
        }
    }

    [Test]
    public void Updates_AreOrderedByCreatedAtOldestFirst()
    {
        var incident = OpenIncident();
        incident.AddUpdate(IncidentStatus.Identified, "Second.", null, StaffId, Now.AddMinutes(1));
        incident.AddUpdate(IncidentStatus.Monitoring, "Third.", null, StaffId, Now.AddMinutes(2));

        Assert.That(
            incident.Updates.Select(u => u.Message),
            Is.EqualTo(new[] { "We are looking into it.", "Second.", "Third." }));
    }
}
