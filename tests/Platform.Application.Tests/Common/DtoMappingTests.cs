using Mapster;
using MapsterMapper;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Mapping;
using Platform.Application.Identity;
using Platform.Application.Status;
using Platform.Application.Tickets;
using Platform.Domain.Status;
using Platform.Domain.Tickets;

namespace Platform.Application.Tests.Common;

/// <summary>
/// The DTO mapping configuration (ADR 0019): the application's maps compile and validate, the host maps with that
/// validated configuration, and the validation refuses what it should (the canaries below prove it can fail).
/// </summary>
public sealed class DtoMappingTests
{
    private static readonly System.Reflection.Assembly ApplicationAssembly = typeof(DependencyInjection).Assembly;

    /// <summary>DTOs that are not mapped from one source object, and why.</summary>
    private static readonly Dictionary<string, string> DtosWithoutMap = new(StringComparer.Ordinal)
    {
        ["TokenDto"] = "built from freshly issued tokens",
        ["RevocationResultDto"] = "a count",
        ["SessionDto"] = "projected explicitly: IsCurrent compares with the caller's session",
        ["ServiceUptimeDto"] = "composed from a computed uptime report",
        ["StatusPageServiceDto"] = "composed from a service and its computed uptime",
        ["ItemsDto`1"] = "a wrapper around a list",
        ["RevokedSessionDto"] = "composed from a session and the revocation event that ended it (reason and time)",
        ["OutboxMessageDto"] = "its payload is stored JSON text, parsed after the query into a JsonElement",
        ["WebhookEventTypeDto"] = "a fixed catalogue entry with an example JSON body, not a stored row",
        ["WebhookRecoveryDto"] = "composed from the recovered endpoint and a count",
        ["WebhookResealDto"] = "a count",
        ["WebhookTestDataDto"] = "the data of a test message, built from the endpoint id and a fixed text",
        ["OneTimeCodeAcceptedDto"] = "one fixed answer, the same for every address",
        ["AccountMailAcceptedDto"] = "fixed answers, the same for every address",
        ["TotpEnrolmentDto"] = "built from a secret made for the response, never stored in the clear",
        ["RecoveryCodesDto"] = "built from codes made for the response; only their hashes are stored",
        ["MfaStatusDto"] = "built from the authenticator row and the roles, not one entity",
        ["MfaResealDto"] = "a count",
        ["AccountMailRequestDto"] = "an outbox payload built by the request from its own fields",
        ["SloRecommendationsDto"] = "composed from the configured objectives and the measured percentiles",
        ["SloRecommendationDto"] = "computed from a route's percentile, not a stored row",
        ["ErrorCountsDto"] = "composed from the error catalogue and the summed per-minute counts",
        ["ErrorCountDto"] = "sums over a code's route counts, computed after the query",
        ["ErrorRouteCountDto"] = "a grouped sum over three windows, not one stored row",
        ["InboundReceiptDto"] = "built from the inbox insert's outcome: the id and whether it was a duplicate",
        ["InboundEventReceivedDto"] = "an outbox payload built from the inbound event's keys when it is stored or reprocessed",
    };

    [Test]
    public void The_application_configuration_compiles_and_validates()
    {
        var config = DtoMapping.Build(DtoMapping.RegistersIn(ApplicationAssembly));

        Assert.That(
            config.RuleMap.Keys.Select(k => $"{k.Source.Name} -> {k.Destination.Name}"),
            Is.SupersetOf(new[]
            {
                "Ticket -> TicketDto", "TicketComment -> TicketCommentDto", "User -> UserDto", "AuditEntry -> AuditEntryDto",
                "MonitoredService -> MonitoredServiceDto", "StatusEvent -> StatusEventDto", "Incident -> IncidentDto",
                "IncidentUpdate -> IncidentUpdateDto", "ScheduledMaintenance -> MaintenanceDto",
            }));
    }

    [Test]
    public void Every_dto_is_the_destination_of_a_declared_map_or_is_listed_with_a_reason()
    {
        var mapped = DtoMapping.Application.RuleMap.Keys.Select(k => k.Destination).ToHashSet();
        var dtos = ApplicationAssembly.GetTypes().Where(t => t.IsPublic && t.Name.EndsWith("Dto", StringComparison.Ordinal)
            || (t.IsGenericTypeDefinition && t.Name.StartsWith("ItemsDto", StringComparison.Ordinal)));

        var unaccounted = dtos.Where(t => !mapped.Contains(t) && !DtosWithoutMap.ContainsKey(t.Name)).Select(t => t.Name).ToList();

        Assert.That(unaccounted, Is.Empty, "a new DTO needs a map in its feature's IRegister (or a reason here)");
    }

    [Test]
    public void The_host_maps_with_the_validated_strict_configuration()
    {
        using var provider = new ServiceCollection().AddApplication().BuildServiceProvider();

        var mapper = provider.GetRequiredService<IMapper>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mapper.Config, Is.SameAs(DtoMapping.Application));
            Assert.That(mapper.Config.RequireExplicitMapping, Is.True);
            Assert.That(mapper.Config.RequireDestinationMemberSource, Is.True);
        }
    }

    [Test]
    public void Enums_keep_their_wire_names_and_collections_are_copied()
    {
        var mapper = new Mapper(DtoMapping.Application);
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var ticket = Ticket.Open("Printer", "On fire", TicketPriority.Urgent, Guid.CreateVersion7(), now);
        var maintenance = ScheduledMaintenance.Schedule("Upgrade", "", now.AddHours(1), now.AddHours(2), [Guid.CreateVersion7()], now);

        var dto = mapper.Map<TicketDto>(ticket);
        var maintenanceDto = mapper.Map<MaintenanceDto>(maintenance);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto, Is.EqualTo(new TicketDto(ticket.Id, "Printer", "On fire", TicketPriority.Urgent, TicketStatus.Open, ticket.RequesterId, null, now, now, 1)));
            Assert.That(maintenanceDto.AffectedServiceIds, Is.EqualTo(maintenance.AffectedServiceIds).And.Not.SameAs(maintenance.AffectedServiceIds));
            Assert.That(maintenanceDto.Status, Is.EqualTo(MaintenanceStatus.Scheduled));
        }
    }

    [Test]
    public void Query_projections_carry_no_null_guards_or_defaults_for_ef_core_to_evaluate()
    {
        // Mapster guards every member with "src != null ? src.X : default"; EF Core compiles each default on every
        // execution. DtoProjection strips the guards on the row; what is left is the member read, as an object map
        // would do it.
        var projection = DtoProjection.Of<Ticket, TicketDto>(DtoMapping.Application);
        var nodes = new NodeCounter();
        nodes.Visit(projection);

        Assert.Multiple(() =>
        {
            Assert.That(nodes.Defaults, Is.Zero, projection.ToString());
            Assert.That(nodes.Conditionals, Is.LessThanOrEqualTo(1), projection.ToString()); // the nullable assignee keeps its own
            var ticket = Ticket.Open("Subject", "Body", TicketPriority.High, Guid.CreateVersion7(), DateTimeOffset.UnixEpoch);
            Assert.That(projection.Compile()(ticket), Is.EqualTo(DtoMapping.Application.CreateMapExpression(
                new Mapster.Models.TypeTuple(typeof(Ticket), typeof(TicketDto)), MapType.Projection).Compile().DynamicInvoke(ticket)));
        });
    }

    [Test]
    public void Canary_a_dto_member_no_source_provides_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DtoMapping.Build([new MissingMemberCanary()]));

        Assert.That(ex!.Message, Does.Contain("Ticket -> TicketSummaryCanary").And.Contain("Summary"));
    }

    [Test]
    public void Canary_a_nested_pair_nobody_declared_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DtoMapping.Build([new UndeclaredNestedPairCanary()]));

        Assert.That(ex!.Message, Does.Contain("Incident -> IncidentDto").And.Contain("IncidentUpdateDto").And.Contain("Implicit mapping is not allowed"));
    }

    [Test]
    public void Canary_members_are_not_filled_from_get_methods_or_flattened_paths()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DtoMapping.Build([new ConventionCanary()]));

        Assert.That(ex!.Message, Does.Contain("ConventionSource -> ConventionTarget").And.Contain("Secret").And.Contain("InnerName"));
    }

    [Test]
    public void Canary_a_pair_outside_the_configuration_is_refused_when_mapped()
    {
        var mapper = new Mapper(DtoMapping.Application);
        var ticket = Ticket.Open("Printer", "On fire", TicketPriority.Low, Guid.CreateVersion7(), DateTimeOffset.UnixEpoch);

        Assert.Throws<CompileException>(() => mapper.Map<StatusEventDto>(ticket));
    }

    public sealed record TicketSummaryCanary(Guid Id, string Subject, string Summary);

    public sealed class ConventionSource
    {
        public Guid Id { get; } = Guid.CreateVersion7();

        public ConventionInner Inner { get; } = new();

        public string GetSecret() => "from a method";
    }

    public sealed class ConventionInner
    {
        public string Name { get; } = "from a nested object";
    }

    public sealed record ConventionTarget(Guid Id, string Secret, string InnerName);

    private sealed class MissingMemberCanary : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<Ticket, TicketSummaryCanary>();
    }

    private sealed class UndeclaredNestedPairCanary : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<Incident, IncidentDto>();
    }

    private sealed class ConventionCanary : IRegister
    {
        public void Register(TypeAdapterConfig config) => config.NewConfig<ConventionSource, ConventionTarget>();
    }

    private sealed class NodeCounter : System.Linq.Expressions.ExpressionVisitor
    {
        public int Defaults { get; private set; }

        public int Conditionals { get; private set; }

        protected override System.Linq.Expressions.Expression VisitDefault(System.Linq.Expressions.DefaultExpression node)
        {
            Defaults++;
            return base.VisitDefault(node);
        }

        protected override System.Linq.Expressions.Expression VisitConditional(System.Linq.Expressions.ConditionalExpression node)
        {
            Conditionals++;
            return base.VisitConditional(node);
        }
    }
}
