using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Status;
using Platform.Application.Status.Queries.GetServiceUptime;
using Platform.Application.Status.Queries.GetStatusPage;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>A service's daily uptime as the public reads it, from the events recorded for it.</summary>
public sealed class ServiceUptimeTests : ApplicationTestBase
{
    private TestUser admin = null!;
    private TestUser agent = null!;
    private DateOnly today;
    private DateTimeOffset yesterdayStart;

    [SetUp]
    public async Task SeedAsync()
    {
        App.Clock.Freeze();
        admin = await AdminAsync();
        agent = await AgentAsync();
        today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        yesterdayStart = new DateTimeOffset(today.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    [Test]
    public async Task A_six_hour_partial_outage_yesterday_shows_as_75_percent_and_partial_outage_for_that_day()
    {
        var api = await CreatedDaysAgoAsync("api", 3);
        await App.RecordAsync(agent, api.Id, "partial_outage", "Errors", yesterdayStart.AddHours(6));
        await App.RecordAsync(agent, api.Id, "operational", "Fixed", yesterdayStart.AddHours(12));

        var uptime = await App.SendAsync(new GetServiceUptimeQuery("api", 3));
        var page = await App.SendAsync(new GetStatusPageQuery());

        var days = uptime.Days;
        var onPage = page.Services.Single().Uptime.Days.Single(d => d.Date == today.AddDays(-1));
        Assert.Multiple(() =>
        {
            Assert.That(uptime.Service, Is.EqualTo(new UptimeServiceDto(api.Id, "api", "api")));
            Assert.That(days.Select(d => d.Date), Is.EqualTo(new[] { today.AddDays(-2), today.AddDays(-1), today }), "oldest first, today included");
            Assert.That(days[1].UptimePercent, Is.EqualTo(75.00));
            Assert.That(days[1].WorstStatus, Is.EqualTo(ServiceStatus.PartialOutage));
            Assert.That(days[0].UptimePercent, Is.EqualTo(100.00));
            Assert.That(days[0].WorstStatus, Is.EqualTo(ServiceStatus.Operational));
            Assert.That(days[2].WorstStatus, Is.EqualTo(ServiceStatus.Operational));
            Assert.That(uptime.UptimePercent, Is.LessThan(100.00).And.GreaterThan(75.00), "the outage counts against the whole range");
            Assert.That(onPage.UptimePercent, Is.EqualTo(75.00), "the status page shows the same day the same way");
            Assert.That(onPage.WorstStatus, Is.EqualTo(ServiceStatus.PartialOutage));
        });
    }

    [Test]
    public async Task Degraded_performance_counts_as_up_but_shows_as_the_days_worst_status()
    {
        var api = await CreatedDaysAgoAsync("api", 3);
        await App.RecordAsync(agent, api.Id, "degraded_performance", "Slow", yesterdayStart.AddHours(6));
        await App.RecordAsync(agent, api.Id, "operational", "Fast again", yesterdayStart.AddHours(12));

        var yesterday = (await App.SendAsync(new GetServiceUptimeQuery("api", 2))).Days[0];

        Assert.Multiple(() =>
        {
            Assert.That(yesterday.Date, Is.EqualTo(today.AddDays(-1)));
            Assert.That(yesterday.UptimePercent, Is.EqualTo(100.00));
            Assert.That(yesterday.WorstStatus, Is.EqualTo(ServiceStatus.DegradedPerformance));
        });
    }

    [Test]
    public async Task Time_under_maintenance_is_left_out_of_the_days_uptime_rather_than_counted_as_down()
    {
        var api = await CreatedDaysAgoAsync("api", 3);
        var now = App.Clock.GetUtcNow();

        // Yesterday: maintenance 10:00-12:00 run by the job as it happens, then a partial outage 14:00-20:00.
        App.Clock.Advance(yesterdayStart.AddHours(10) - now);
        await App.ScheduleAsync(agent, "Upgrade", yesterdayStart.AddHours(10), yesterdayStart.AddHours(12), api.Id);
        await App.RunMaintenanceJobAsync();
        App.Clock.Advance(TimeSpan.FromHours(2));
        await App.RunMaintenanceJobAsync();
        App.Clock.Advance(now - yesterdayStart.AddHours(12));
        await App.RecordAsync(agent, api.Id, "partial_outage", "Errors", yesterdayStart.AddHours(14));
        await App.RecordAsync(agent, api.Id, "operational", "Fixed", yesterdayStart.AddHours(20));

        var yesterday = (await App.SendAsync(new GetServiceUptimeQuery("api", 2))).Days[0];

        Assert.Multiple(() =>
        {
            Assert.That(yesterday.Date, Is.EqualTo(today.AddDays(-1)));
            Assert.That(yesterday.UptimePercent, Is.EqualTo(72.72), "6 hours down of the 22 that counted (16/22 rounded down)");
            Assert.That(yesterday.WorstStatus, Is.EqualTo(ServiceStatus.PartialOutage));
        });
    }

    [Test]
    public async Task Days_before_the_service_existed_are_not_counted()
    {
        await App.CreateServiceAsync(admin, "api");

        var uptime = await App.SendAsync(new GetServiceUptimeQuery("api", 5));

        Assert.Multiple(() =>
        {
            Assert.That(uptime.Days.Take(4).Select(d => d.UptimePercent), Is.All.Null, "no time before the service was added counts");
            Assert.That(uptime.Days, Has.Count.EqualTo(5));
        });
    }

    [Test]
    public async Task An_unknown_slug_is_not_found()
    {
        await App.CreateServiceAsync(admin, "api");

        var error = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetServiceUptimeQuery("nope", 90)));

        Assert.That(error?.Code, Is.EqualTo(StatusErrorCodes.ServiceNotFound));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(366)]
    public async Task Days_outside_1_to_365_are_refused(int days)
    {
        await App.CreateServiceAsync(admin, "api");

        var error = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new GetServiceUptimeQuery("api", days)));

        Assert.That(error?.Errors.Keys, Does.Contain("days"));
    }

    [TestCase(1)]
    [TestCase(365)]
    public async Task Days_from_1_to_365_are_answered_with_one_entry_per_day(int days)
    {
        await App.CreateServiceAsync(admin, "api");

        var uptime = await App.SendAsync(new GetServiceUptimeQuery("api", days));

        Assert.Multiple(() =>
        {
            Assert.That(uptime.Days, Has.Count.EqualTo(days));
            Assert.That(uptime.Days[^1].Date, Is.EqualTo(today));
        });
    }

    /// <summary>Adds a service as if it had been added <paramref name="daysAgo"/> days ago, so the days since count in full.</summary>
    private async Task<MonitoredServiceDto> CreatedDaysAgoAsync(string slug, int daysAgo)
    {
        App.Clock.Advance(TimeSpan.FromDays(-daysAgo));
        try
        {
            return await App.CreateServiceAsync(admin, slug);
        }
        finally
        {
            App.Clock.Advance(TimeSpan.FromDays(daysAgo));
        }
    }
}
