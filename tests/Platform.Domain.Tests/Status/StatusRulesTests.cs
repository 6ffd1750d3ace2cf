using NUnit.Framework;
using Platform.Domain.Status;
using static Platform.Domain.Status.ServiceStatus;

namespace Platform.Domain.Tests.Status;

/// <summary>Severity ranks, the page-wide status table row by row, and slugs.</summary>
[TestFixture]
public class StatusRulesTests
{
    [TestCase(Operational, 0)]
    [TestCase(UnderMaintenance, 1)]
    [TestCase(DegradedPerformance, 2)]
    [TestCase(PartialOutage, 3)]
    [TestCase(MajorOutage, 4)]
    public void Severity_EachStatus_HasItsRank(ServiceStatus status, int rank)
    {
        Assert.That(StatusRules.Severity(status), Is.EqualTo(rank));
    }

    [TestCase(Operational, UnderMaintenance, UnderMaintenance)]
    [TestCase(UnderMaintenance, DegradedPerformance, DegradedPerformance)]
    [TestCase(MajorOutage, PartialOutage, MajorOutage)]
    [TestCase(PartialOutage, PartialOutage, PartialOutage)]
    public void Worst_TwoStatuses_IsTheMoreSevere(ServiceStatus a, ServiceStatus b, ServiceStatus worst)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(StatusRules.Worst(a, b), Is.EqualTo(worst));
            Assert.That(StatusRules.Worst(b, a), Is.EqualTo(worst));
        }
    }

    [Test]
    public void Severity_UndefinedValue_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatusRules.Severity((ServiceStatus)99));
    }

    [TestCase(new[] { MajorOutage }, StatusIndicator.Critical, "Major System Outage")]
    [TestCase(new[] { MajorOutage, MajorOutage }, StatusIndicator.Critical, "Major System Outage")]
    [TestCase(new[] { MajorOutage, Operational }, StatusIndicator.Major, "Partial System Outage")]
    [TestCase(new[] { MajorOutage, PartialOutage }, StatusIndicator.Major, "Partial System Outage")]
    [TestCase(new[] { PartialOutage, PartialOutage }, StatusIndicator.Major, "Partial System Outage")]
    [TestCase(new[] { PartialOutage, Operational }, StatusIndicator.Minor, "Minor Service Outage")]
    [TestCase(new[] { PartialOutage, DegradedPerformance }, StatusIndicator.Minor, "Minor Service Outage")]
    [TestCase(new[] { DegradedPerformance, DegradedPerformance }, StatusIndicator.Minor, "Degraded System Service")]
    [TestCase(new[] { DegradedPerformance, Operational }, StatusIndicator.Minor, "Partially Degraded Service")]
    [TestCase(new[] { UnderMaintenance, Operational }, StatusIndicator.Maintenance, "Service Under Maintenance")]
    [TestCase(new[] { Operational, Operational }, StatusIndicator.None, "All Systems Operational")]
    public void Overall_EachRowOfTheTable_Matches(ServiceStatus[] statuses, StatusIndicator indicator, string description)
    {
        Assert.That(StatusRules.Overall(statuses), Is.EqualTo(new OverallStatus(indicator, description)));
    }

    [Test]
    public void Overall_NoServices_IsAllSystemsOperational()
    {
        Assert.That(StatusRules.Overall([]), Is.EqualTo(new OverallStatus(StatusIndicator.None, "All Systems Operational")));
    }

    [TestCase(new[] { UnderMaintenance })]
    [TestCase(new[] { UnderMaintenance, UnderMaintenance })]
    public void Overall_EveryServiceUnderMaintenance_IsMaintenanceNotAnEveryServiceRow(ServiceStatus[] statuses)
    {
        Assert.That(StatusRules.Overall(statuses), Is.EqualTo(new OverallStatus(StatusIndicator.Maintenance, "Service Under Maintenance")));
    }

    [TestCase(new[] { MajorOutage, UnderMaintenance }, StatusIndicator.Critical, "Major System Outage")]
    [TestCase(new[] { PartialOutage, UnderMaintenance, PartialOutage }, StatusIndicator.Major, "Partial System Outage")]
    [TestCase(new[] { UnderMaintenance, DegradedPerformance }, StatusIndicator.Minor, "Degraded System Service")]
    public void Overall_ServicesUnderMaintenance_AreLeftOutOfEveryServiceRows(ServiceStatus[] statuses, StatusIndicator indicator, string description)
    {
        Assert.That(StatusRules.Overall(statuses), Is.EqualTo(new OverallStatus(indicator, description)));
    }

    [TestCase("a")]
    [TestCase("api")]
    [TestCase("eu-west-1")]
    [TestCase("0-9")]
    public void IsValidSlug_LowerCaseGroupsJoinedBySingleHyphens_IsTrue(string slug)
    {
        Assert.That(StatusRules.IsValidSlug(slug), Is.True);
    }

    [Test]
    public void IsValidSlug_Exactly64Characters_IsTrue()
    {
        Assert.That(StatusRules.IsValidSlug(new string('a', 64)), Is.True);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("-api")]
    [TestCase("api-")]
    [TestCase("a--b")]
    [TestCase("API")]
    [TestCase("a_b")]
    [TestCase("a b")]
    [TestCase(" api")]
    [TestCase("api\n")]
    [TestCase("caf\u00e9")]
    public void IsValidSlug_AnythingElse_IsFalse(string? slug)
    {
        Assert.That(StatusRules.IsValidSlug(slug), Is.False);
    }

    [Test]
    public void IsValidSlug_65Characters_IsFalse()
    {
        Assert.That(StatusRules.IsValidSlug(new string('a', 65)), Is.False);
    }
}
