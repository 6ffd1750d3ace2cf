using NUnit.Framework;
using Platform.Domain.Status;
using static Platform.Domain.Status.ServiceStatus;
using static Platform.Domain.Tests.Status.StatusTestData;

namespace Platform.Domain.Tests.Status;

/// <summary>Uptime per UTC day and overall: timeline, clipping, maintenance, rounding and worst status.</summary>
[TestFixture]
public class UptimeCalculatorTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    /// <summary>Long after every day the tests report on.</summary>
    private static readonly DateTimeOffset AfterRange = At(20, 0);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    private static StatusChange Change(DateTimeOffset at, ServiceStatus status) => new(at, status);

    private static TimeWindow Window(DateTimeOffset start, DateTimeOffset end) => new(start, end);

    private static UptimeReport Calculate(
        StatusChange[] changes, int days = 1, DateTimeOffset? now = null, TimeWindow[]? windows = null, DateTimeOffset? createdAt = null) =>
        UptimeCalculator.Calculate(changes, windows ?? [], Nov1, days, now ?? AfterRange, createdAt);

    private static UptimeDay OnlyDay(UptimeReport report)
    {
        Assert.That(report.Days, Has.Count.EqualTo(1));
        return report.Days[0];
    }

    [Test]
    public void Calculate_NoEvents_Is100ForEveryCountedDayWithOneEntryPerDayOldestFirst()
    {
        var report = Calculate([], days: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days.Select(d => d.Date), Is.EqualTo(new[] { Nov1, Nov1.AddDays(1), Nov1.AddDays(2) }));
            Assert.That(report.Days.Select(d => d.UptimePercent), Is.All.EqualTo(100.0));
            Assert.That(report.Days.Select(d => d.WorstStatus), Is.All.EqualTo(Operational));
            Assert.That(report.UptimePercent, Is.EqualTo(100.0));
        }
    }

    [Test]
    public void Calculate_ZeroDays_IsEmptyWithNoOverallPercent()
    {
        var report = Calculate([], days: 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days, Is.Empty);
            Assert.That(report.UptimePercent, Is.Null);
        }
    }

    [Test]
    public void Calculate_NegativeDays_ThrowsArgumentOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Calculate([], days: -1));

        Assert.That(ex.ParamName, Is.EqualTo("days"));
    }

    [Test]
    public void Calculate_OutageAcrossMidnight_SplitsBetweenTheTwoDays()
    {
        var report = Calculate([Change(At(1, 23), MajorOutage), Change(At(2, 1), Operational)], days: 3);

        using (Assert.EnterMultipleScope())
        {
            // 23 of 24 hours up is 95.8333...
            Assert.That(report.Days.Select(d => d.UptimePercent), Is.EqualTo(new double?[] { 95.83, 95.83, 100.0 }));
            Assert.That(report.Days.Select(d => d.WorstStatus), Is.EqualTo(new[] { MajorOutage, MajorOutage, Operational }));
            Assert.That(report.UptimePercent, Is.EqualTo(97.22)); // 70 of 72 hours: 97.222...
        }
    }

    [Test]
    public void Calculate_EventsInAnyOrder_GiveTheSameResult()
    {
        StatusChange[] ordered = [Change(At(1, 6), PartialOutage), Change(At(1, 12), DegradedPerformance), Change(At(1, 18), Operational)];
        StatusChange[] shuffled = [ordered[2], ordered[0], ordered[1]];

        Assert.That(OnlyDay(Calculate(shuffled)), Is.EqualTo(OnlyDay(Calculate(ordered))));
    }

    [Test]
    public void Calculate_ChangeExactlyAtMidnight_BelongsToTheDayItStarts()
    {
        var report = Calculate([Change(At(2, 0), MajorOutage)], days: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days[0].UptimePercent, Is.EqualTo(100.0));
            Assert.That(report.Days[0].WorstStatus, Is.EqualTo(Operational));
            Assert.That(report.Days[1].UptimePercent, Is.Zero);
            Assert.That(report.Days[1].WorstStatus, Is.EqualTo(MajorOutage));
        }
    }

    [Test]
    public void Calculate_EventBeforeTheRange_CarriesItsStatusIn()
    {
        var report = Calculate([Change(At(1, 0).AddDays(-3), PartialOutage), Change(At(1, 6), Operational)], days: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days[0].UptimePercent, Is.EqualTo(75.0));
            Assert.That(report.Days[0].WorstStatus, Is.EqualTo(PartialOutage));
            Assert.That(report.Days[1].UptimePercent, Is.EqualTo(100.0));
            Assert.That(report.Days[1].WorstStatus, Is.EqualTo(Operational));
        }
    }

    [Test]
    public void Calculate_OutageSinceBeforeTheRange_IsZeroEveryDay()
    {
        var report = Calculate([Change(At(1, 0).AddMonths(-1), MajorOutage)], days: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days.Select(d => d.UptimePercent), Is.All.EqualTo(0.0));
            Assert.That(report.Days.Select(d => d.WorstStatus), Is.All.EqualTo(MajorOutage));
            Assert.That(report.UptimePercent, Is.Zero);
        }
    }

    [Test]
    public void Calculate_PartialToday_CountsOnlyUpToNow()
    {
        // Now is 06:00Z, given in another offset: three of the six hours so far were down.
        var now = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(2));

        var day = OnlyDay(Calculate([Change(At(1, 3), MajorOutage)], now: now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(day.UptimePercent, Is.EqualTo(50.0));
            Assert.That(day.WorstStatus, Is.EqualTo(MajorOutage));
        }
    }

    [Test]
    public void Calculate_EventsAfterNow_AreIgnored()
    {
        var report = Calculate([Change(At(1, 13), MajorOutage), Change(At(2, 1), MajorOutage)], days: 2, now: At(1, 12));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days[0].UptimePercent, Is.EqualTo(100.0));
            Assert.That(report.Days[0].WorstStatus, Is.EqualTo(Operational));
            Assert.That(report.UptimePercent, Is.EqualTo(100.0));
        }
    }

    [Test]
    public void Calculate_EventAtExactlyNow_HasHeldForNoTime()
    {
        var day = OnlyDay(Calculate([Change(At(1, 12), MajorOutage)], now: At(1, 12)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(day.UptimePercent, Is.EqualTo(100.0));
            Assert.That(day.WorstStatus, Is.EqualTo(Operational));
        }
    }

    [Test]
    public void Calculate_FutureDays_HaveNoPercentAndAreOperational()
    {
        var report = Calculate([Change(At(1, 0), MajorOutage)], days: 3, now: At(2, 0));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days[0].UptimePercent, Is.Zero);
            Assert.That(report.Days[1].UptimePercent, Is.Null);
            Assert.That(report.Days[1].WorstStatus, Is.EqualTo(Operational));
            Assert.That(report.Days[2].UptimePercent, Is.Null);
            Assert.That(report.UptimePercent, Is.Zero);
        }
    }

    [Test]
    public void Calculate_NothingCountedAnywhere_HasNoOverallPercent()
    {
        var report = Calculate([], days: 2, now: At(1, 0));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days.Select(d => d.UptimePercent), Is.All.Null);
            Assert.That(report.UptimePercent, Is.Null);
        }
    }

    [Test]
    public void Calculate_ServiceCreatedMidDay_CountsFromCreationAndNotTheDaysBefore()
    {
        var report = UptimeCalculator.Calculate(
            [Change(At(2, 18), MajorOutage)], [], Nov1, 3, AfterRange, serviceCreatedAt: At(2, 12));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days[0].UptimePercent, Is.Null);
            Assert.That(report.Days[0].WorstStatus, Is.EqualTo(Operational));
            Assert.That(report.Days[1].UptimePercent, Is.EqualTo(50.0)); // 6 of 12 hours
            Assert.That(report.Days[2].UptimePercent, Is.Zero);
            Assert.That(report.UptimePercent, Is.EqualTo(16.66)); // 6 of 36 hours: 16.666...
        }
    }

    [Test]
    public void Calculate_EventBackDatedBeforeCreation_CarriesIntoTheFirstCountedMoment()
    {
        var day = OnlyDay(Calculate([Change(At(1, 6), PartialOutage), Change(At(1, 18), Operational)], createdAt: At(1, 12)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(day.UptimePercent, Is.EqualTo(50.0));
            Assert.That(day.WorstStatus, Is.EqualTo(PartialOutage));
        }
    }

    [Test]
    public void Calculate_ServiceCreatedAfterNow_CountsNothing()
    {
        var report = Calculate([], days: 2, now: At(1, 12), createdAt: At(1, 13));

        Assert.That(report.UptimePercent, Is.Null);
    }

    [Test]
    public void Calculate_DegradedPerformance_CountsAsUpButIsTheWorstStatus()
    {
        var day = OnlyDay(Calculate([Change(At(1, 0), DegradedPerformance)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(day.UptimePercent, Is.EqualTo(100.0));
            Assert.That(day.WorstStatus, Is.EqualTo(DegradedPerformance));
        }
    }

    [TestCase(PartialOutage)]
    [TestCase(MajorOutage)]
    public void Calculate_PartialAndMajorOutage_CountAsDown(ServiceStatus status)
    {
        var day = OnlyDay(Calculate([Change(At(1, 12), status)]));

        Assert.That(day.UptimePercent, Is.EqualTo(50.0));
    }

    [Test]
    public void Calculate_StatusUnderMaintenance_IsLeftOutOfCountedTime()
    {
        var day = OnlyDay(Calculate(
            [Change(At(1, 0), UnderMaintenance), Change(At(1, 12), MajorOutage), Change(At(1, 18), Operational)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(day.UptimePercent, Is.EqualTo(50.0)); // 6 of 12 hours
            Assert.That(day.WorstStatus, Is.EqualTo(MajorOutage));
        }
    }

    [Test]
    public void Calculate_WholeDayUnderMaintenanceStatus_HasNoPercentAndWorstIsMaintenance()
    {
        var day = OnlyDay(Calculate([Change(At(1, 0), UnderMaintenance)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(day.UptimePercent, Is.Null);
            Assert.That(day.WorstStatus, Is.EqualTo(UnderMaintenance));
        }
    }

    [Test]
    public void Calculate_MaintenanceWindow_IsLeftOutOfCountedTimeEvenDuringAnOutage()
    {
        var day = OnlyDay(Calculate(
            [Change(At(1, 6), MajorOutage), Change(At(1, 18), Operational)],
            windows: [Window(At(1, 0), At(1, 12))]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(day.UptimePercent, Is.EqualTo(50.0)); // 6 down of 12 counted hours
            Assert.That(day.WorstStatus, Is.EqualTo(MajorOutage));
        }
    }

    [Test]
    public void Calculate_OverlappingMaintenanceWindows_AreNotCountedTwice()
    {
        // Union 02:00-09:00 (7 hours) of a 12-hour outage: 5 hours down in 17 counted. 05:00-07:00 lies wholly
        // inside the others and 08:00-09:00 only touches them.
        TimeWindow[] windows =
        [
            Window(At(1, 4), At(1, 8)),
            Window(At(1, 2), At(1, 6)),
            Window(At(1, 5), At(1, 7)),
            Window(At(1, 8), At(1, 9)),
        ];

        var day = OnlyDay(Calculate([Change(At(1, 0), MajorOutage), Change(At(1, 12), Operational)], windows: windows));

        Assert.That(day.UptimePercent, Is.EqualTo(70.58)); // 12 / 17 = 70.588...
    }

    [Test]
    public void Calculate_MaintenanceWindowAcrossMidnight_SplitsBetweenTheTwoDays()
    {
        var report = Calculate(
            [Change(At(1, 0), PartialOutage)],
            days: 2,
            windows: [Window(At(1, 12), At(2, 12))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days.Select(d => d.UptimePercent), Is.All.Zero);
            Assert.That(report.UptimePercent, Is.Zero);
        }
    }

    [Test]
    public void Calculate_WindowCoveringTheWholeDay_HasNoPercentAndLeavesWorstStatusOperational()
    {
        var report = Calculate([], days: 2, windows: [Window(At(1, 0), At(2, 0)), Window(At(2, 6), At(2, 5))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days[0].UptimePercent, Is.Null);
            Assert.That(report.Days[0].WorstStatus, Is.EqualTo(Operational));
            Assert.That(report.Days[1].UptimePercent, Is.EqualTo(100.0)); // the backwards window is empty
        }
    }

    [Test]
    public void Calculate_OneSecondDown_RoundsDownBelow100()
    {
        var outage = At(1, 12);

        var day = OnlyDay(Calculate([Change(outage, MajorOutage), Change(outage.AddSeconds(1), Operational)]));

        Assert.That(day.UptimePercent, Is.EqualTo(99.99)); // 99.9988...
    }

    [Test]
    public void Calculate_OneTickDown_StillShowsBelow100()
    {
        var outage = At(1, 12);

        var report = Calculate([Change(outage, MajorOutage), Change(outage.AddTicks(1), Operational)], days: 30);

        Assert.That(report.UptimePercent, Is.EqualTo(99.99));
    }

    [Test]
    public void Calculate_UptimeOfExactlyTwoDecimals_IsNotRoundedBelowItself()
    {
        // 138.24 s of 86,400 s is exactly 0.16 % down; up / counted * 10000 in floating point is 9983.999... and
        // flooring that would show 99.83.
        var outage = At(1, 12);

        var day = OnlyDay(Calculate([Change(outage, MajorOutage), Change(outage.AddMilliseconds(138_240), Operational)]));

        Assert.That(day.UptimePercent, Is.EqualTo(99.84));
    }

    [Test]
    public void Calculate_OverallPercent_IsWeightedByCountedTimeNotTheMeanOfDays()
    {
        // Day 1: 12 of 24 hours up. Day 2 (today, 6 hours so far): all up. 18 of 30 hours is 60 %, not (50 + 100) / 2.
        var report = Calculate([Change(At(1, 12), MajorOutage), Change(At(2, 0), Operational)], days: 2, now: At(2, 6));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Days.Select(d => d.UptimePercent), Is.EqualTo(new double?[] { 50.0, 100.0 }));
            Assert.That(report.UptimePercent, Is.EqualTo(60.0));
        }
    }

    [Test]
    public void Calculate_BriefSevereStatus_IsTheWorstStatusOfTheDay()
    {
        var day = OnlyDay(Calculate(
            [Change(At(1, 1), DegradedPerformance), Change(At(1, 2), MajorOutage), Change(At(1, 2, 1), PartialOutage), Change(At(1, 3), Operational)]));

        Assert.That(day.WorstStatus, Is.EqualTo(MajorOutage));
    }

    [Test]
    public void Calculate_MaintenanceStatusWithDegradedLater_WorstIsDegraded()
    {
        var day = OnlyDay(Calculate([Change(At(1, 1), UnderMaintenance), Change(At(1, 2), DegradedPerformance)]));

        Assert.That(day.WorstStatus, Is.EqualTo(DegradedPerformance));
    }

    [Test]
    public void Calculate_ChangesAtTheSameInstant_LastGivenWinsAndTheOtherWasNeverHeld()
    {
        var day = OnlyDay(Calculate([Change(At(1, 12), MajorOutage), Change(At(1, 12), Operational)]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(day.UptimePercent, Is.EqualTo(100.0));
            Assert.That(day.WorstStatus, Is.EqualTo(Operational));
        }
    }

    [Test]
    public void StatusAt_BeforeAnyChange_IsOperational()
    {
        Assert.That(UptimeCalculator.StatusAt([Change(At(1, 12), MajorOutage)], At(1, 11)), Is.EqualTo(Operational));
    }

    [Test]
    public void StatusAt_AtOrAfterAChange_IsTheLatestChangeSoFar()
    {
        StatusChange[] changes = [Change(At(1, 18), Operational), Change(At(1, 12), MajorOutage)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(UptimeCalculator.StatusAt(changes, At(1, 12)), Is.EqualTo(MajorOutage));
            Assert.That(UptimeCalculator.StatusAt(changes, At(1, 17)), Is.EqualTo(MajorOutage));
            Assert.That(UptimeCalculator.StatusAt(changes, At(1, 18)), Is.EqualTo(Operational));
        }
    }

    [Test]
    public void StatusAt_ChangesAtTheSameInstant_LastGivenWins()
    {
        StatusChange[] changes = [Change(At(1, 12), MajorOutage), Change(At(1, 12), DegradedPerformance)];

        Assert.That(UptimeCalculator.StatusAt(changes, At(1, 13)), Is.EqualTo(DegradedPerformance));
    }

    [Test]
    public void FromEvents_SameOccurredAt_OrdersByWhenRecordedSoTheLatestRecordedWins()
    {
        var occurredAt = At(1, 12);
        var recordedLater = StatusEvent.Record(ApiId, Operational, "Fixed.", occurredAt, StaffId, Now.AddMinutes(1));
        var recordedFirst = StatusEvent.Record(ApiId, MajorOutage, "Down.", occurredAt, StaffId, Now);
        var earlier = StatusEvent.Record(ApiId, PartialOutage, string.Empty, At(1, 6), StaffId, Now.AddMinutes(2));

        var changes = StatusChange.FromEvents([recordedLater, earlier, recordedFirst]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                changes,
                Is.EqualTo(new[] { Change(At(1, 6), PartialOutage), Change(occurredAt, MajorOutage), Change(occurredAt, Operational) }));
            Assert.That(UptimeCalculator.StatusAt(changes, occurredAt), Is.EqualTo(Operational));
        }
    }
}
