using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Status;
using static Platform.Domain.Tests.Status.StatusTestData;

namespace Platform.Domain.Tests.Status;

/// <summary>Scheduling a maintenance, its window rules, and the one-way life cycle the maintenance job drives.</summary>
[TestFixture]
public class ScheduledMaintenanceTests
{
    private static readonly DateTimeOffset StartsAt = Now.AddHours(2);
    private static readonly DateTimeOffset EndsAt = Now.AddHours(4);

    private static ScheduledMaintenance NewMaintenance() =>
        ScheduledMaintenance.Schedule("Database upgrade", "Read-only for a while.", StartsAt, EndsAt, [ApiId, WebId, ApiId], Now);

    private static ScheduledMaintenance MaintenanceIn(MaintenanceStatus status)
    {
        var maintenance = NewMaintenance();
        if (status != MaintenanceStatus.Scheduled)
        {
            maintenance.Start(StartsAt);
        }

        if (status == MaintenanceStatus.Completed)
        {
            maintenance.Complete(EndsAt);
        }

        return maintenance;
    }

    [Test]
    public void Schedule_ValidInput_IsScheduledAtVersionOne()
    {
        var maintenance = NewMaintenance();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.Id.Version, Is.EqualTo(7));
            Assert.That(maintenance.Title, Is.EqualTo("Database upgrade"));
            Assert.That(maintenance.Description, Is.EqualTo("Read-only for a while."));
            Assert.That(maintenance.StartsAt, Is.EqualTo(StartsAt));
            Assert.That(maintenance.EndsAt, Is.EqualTo(EndsAt));
            Assert.That(maintenance.AffectedServiceIds, Is.EqualTo(new[] { ApiId, WebId }));
            Assert.That(maintenance.Status, Is.EqualTo(MaintenanceStatus.Scheduled));
            Assert.That(maintenance.StartedAt, Is.Null);
            Assert.That(maintenance.CompletedAt, Is.Null);
            Assert.That(maintenance.CreatedAt, Is.EqualTo(Now));
            Assert.That(maintenance.UpdatedAt, Is.EqualTo(Now));
            Assert.That(maintenance.Version, Is.EqualTo(1));
        }
    }

    [Test]
    public void Schedule_WindowAlreadyBegun_IsAcceptedAndDueToStart()
    {
        var maintenance = ScheduledMaintenance.Schedule("Patch", string.Empty, Now.AddHours(-1), Now.AddHours(1), [ApiId], Now);

        Assert.That(maintenance.IsDueToStart(Now), Is.True);
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Schedule_EndNotAfterStart_ThrowsInvalidWindow(int minutes)
    {
        AssertRule(
            () => ScheduledMaintenance.Schedule("Patch", string.Empty, StartsAt, StartsAt.AddMinutes(minutes), [ApiId], Now),
            "status.invalid_window",
            DomainErrorKind.Invalid,
            "ends_at");
    }

    [Test]
    public void Schedule_NoServices_ThrowsServicesRequired()
    {
        AssertRule(
            () => ScheduledMaintenance.Schedule("Patch", string.Empty, StartsAt, EndsAt, [], Now),
            "status.services_required",
            DomainErrorKind.Invalid,
            "affected_service_ids");
    }

    [TestCase("")]
    [TestCase("  ")]
    [TestCase(null, 201)]
    public void Schedule_TitleBlankOrLongerThan200_ThrowsInvalidTitle(string? title, int length = 0)
    {
        title ??= new string('t', length);

        AssertRule(
            () => ScheduledMaintenance.Schedule(title, string.Empty, StartsAt, EndsAt, [ApiId], Now),
            "status.invalid_title",
            DomainErrorKind.Invalid,
            "title");
    }

    [Test]
    public void Schedule_DescriptionOf2000Characters_IsAcceptedAnd2001IsNot()
    {
        var maintenance = ScheduledMaintenance.Schedule("Patch", new string('d', 2000), StartsAt, EndsAt, [ApiId], Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.Description, Has.Length.EqualTo(2000));
            AssertRule(
                () => ScheduledMaintenance.Schedule("Patch", new string('d', 2001), StartsAt, EndsAt, [ApiId], Now),
                "status.invalid_description",
                DomainErrorKind.Invalid,
                "description");
        }
    }

    [Test]
    public void IsDueToStart_FollowsStartsAtWhileScheduled()
    {
        var maintenance = NewMaintenance();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.IsDueToStart(StartsAt.AddTicks(-1)), Is.False);
            Assert.That(maintenance.IsDueToStart(StartsAt), Is.True);
            Assert.That(maintenance.IsDueToStart(EndsAt.AddHours(1)), Is.True);
            Assert.That(maintenance.IsDueToComplete(EndsAt), Is.False);
        }
    }

    [Test]
    public void IsDueToComplete_FollowsEndsAtWhileInProgress()
    {
        var maintenance = MaintenanceIn(MaintenanceStatus.InProgress);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.IsDueToComplete(EndsAt.AddTicks(-1)), Is.False);
            Assert.That(maintenance.IsDueToComplete(EndsAt), Is.True);
            Assert.That(maintenance.IsDueToStart(EndsAt), Is.False);
        }
    }

    [Test]
    public void IsDue_WhenCompleted_IsFalseForBoth()
    {
        var maintenance = MaintenanceIn(MaintenanceStatus.Completed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.IsDueToStart(EndsAt.AddDays(1)), Is.False);
            Assert.That(maintenance.IsDueToComplete(EndsAt.AddDays(1)), Is.False);
        }
    }

    [Test]
    public void Start_Scheduled_MovesToInProgressAndStampsStartedAt()
    {
        var maintenance = NewMaintenance();

        maintenance.Start(StartsAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.Status, Is.EqualTo(MaintenanceStatus.InProgress));
            Assert.That(maintenance.StartedAt, Is.EqualTo(StartsAt));
            Assert.That(maintenance.UpdatedAt, Is.EqualTo(StartsAt));
            Assert.That(maintenance.Version, Is.EqualTo(2));
        }
    }

    [Test]
    public void Start_BeforeStartsAt_IsAllowedForAnEarlyManualStart()
    {
        var maintenance = NewMaintenance();

        maintenance.Start(Later);

        Assert.That(maintenance.StartedAt, Is.EqualTo(Later));
    }

    [Test]
    public void Complete_InProgress_MovesToCompletedAndStampsCompletedAt()
    {
        var maintenance = MaintenanceIn(MaintenanceStatus.InProgress);

        maintenance.Complete(EndsAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.Status, Is.EqualTo(MaintenanceStatus.Completed));
            Assert.That(maintenance.StartedAt, Is.EqualTo(StartsAt));
            Assert.That(maintenance.CompletedAt, Is.EqualTo(EndsAt));
            Assert.That(maintenance.UpdatedAt, Is.EqualTo(EndsAt));
            Assert.That(maintenance.Version, Is.EqualTo(3));
        }
    }

    [TestCase(MaintenanceStatus.InProgress)]
    [TestCase(MaintenanceStatus.Completed)]
    public void Start_NotScheduled_ThrowsInvalidTransitionConflictAndChangesNothing(MaintenanceStatus status)
    {
        var maintenance = MaintenanceIn(status);
        var version = maintenance.Version;

        AssertRule(() => maintenance.Start(EndsAt.AddHours(1)), "status.invalid_transition", DomainErrorKind.Conflict);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.Status, Is.EqualTo(status));
            Assert.That(maintenance.StartedAt, Is.EqualTo(StartsAt));
            Assert.That(maintenance.Version, Is.EqualTo(version));
        }
    }

    [TestCase(MaintenanceStatus.Scheduled)]
    [TestCase(MaintenanceStatus.Completed)]
    public void Complete_NotInProgress_ThrowsInvalidTransitionConflictAndChangesNothing(MaintenanceStatus status)
    {
        var maintenance = MaintenanceIn(status);
        var version = maintenance.Version;
        var completedAt = maintenance.CompletedAt;

        AssertRule(() => maintenance.Complete(EndsAt.AddHours(1)), "status.invalid_transition", DomainErrorKind.Conflict);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(maintenance.Status, Is.EqualTo(status));
            Assert.That(maintenance.CompletedAt, Is.EqualTo(completedAt));
            Assert.That(maintenance.Version, Is.EqualTo(version));
        }
    }
}
