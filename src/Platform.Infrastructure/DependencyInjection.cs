using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Application.Common.Interfaces;
using Platform.Infrastructure.Identity;
using Platform.Application.Common.UnitOfWork;
using Platform.Infrastructure.Jobs;
using Platform.Infrastructure.Notifications;
using Platform.Infrastructure.Outbox;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.RateLimiting;
using Platform.Infrastructure.Sessions;
using Platform.Infrastructure.Status;
using Quartz;

namespace Platform.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Platform";

    public const string SchedulerName = "platform";

    /// <summary>PostgreSQL (EF Core and a shared Npgsql data source), crypto adapters, rate-limit store and Quartz.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var problems = ConfigurationProblems(configuration);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName)!;
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(ConnectionStringDefaults.Apply(connectionString)).Build());
        services.AddSingleton<SessionRevocationCache>();
        services.AddSingleton<DatabaseCircuitBreaker>();
        services.AddSingleton<CircuitBreakerConnectionInterceptor>();
        services.AddHostedService(sp => new DatabaseCircuitProbe(
            sp.GetRequiredService<DatabaseCircuitBreaker>(), connectionString, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DatabaseCircuitProbe>>()));
        // Pooled: the options (and EF's internal services) are built once, not per request, and a context is reset
        // and reused instead of being constructed per scope. The scope's context comes from the pool below.
        services.AddPooledDbContextFactory<PlatformDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.ExecutionStrategy(
                dependencies => new CircuitAwareExecutionStrategy(dependencies, database.MaxRetryCount, sp.GetRequiredService<DatabaseCircuitBreaker>())))
            .UseSnakeCaseNamingConvention()
            // EF Core logs these at Error before the pipeline has decided what they mean: a lost race on a unique
            // index that becomes a 409, a database outage that becomes a 503. The pipeline and the exception handler
            // log what they map (and an unexpected failure at Error, with its stack trace), so EF's own lines are Debug.
            .ConfigureWarnings(w => w.Log(
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug)))
            // The circuit breaker first; interceptors registered as services join in (tests inject faults this way).
            .AddInterceptors(sp.GetRequiredService<CircuitBreakerConnectionInterceptor>())
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()),
            database.ContextPoolSize);
        services.AddScoped(sp => PlatformDbContext.Lease(sp.GetRequiredService<IDbContextFactory<PlatformDbContext>>()));
        services.AddScoped<IPlatformDbContext>(sp => sp.GetRequiredService<PlatformDbContext>());
        services.AddScoped<PostgresCommitVerifier>();
        services.AddScoped<ICommitVerifier>(sp => sp.GetRequiredService<PostgresCommitVerifier>());
        services.AddSingleton<IDatabaseErrors, PostgresDatabaseErrors>();
        services.AddScoped<Application.Common.Idempotency.IIdempotencyKeys, Idempotency.PostgresIdempotencyKeys>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IPasswordHasher, PasswordHasherAdapter>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<ITokenService, JwtTokenService>();
        services.AddSingleton<ILoginFailureStore, PostgresLoginFailureStore>();
        services.AddScoped<ISessionRevocationPublisher, PostgresSessionRevocationPublisher>();
        services.AddScoped<Application.Status.IStatusChangePublisher, PostgresStatusChangePublisher>();

        // PostgreSQL-specific SQL the use cases need (row and advisory locks, DISTINCT ON, housekeeping deletes),
        // behind interfaces named for their intent. Scoped: each runs on the request's PlatformDbContext, so on
        // the command's connection and inside its transaction.
        services.AddScoped<Application.Status.IMonitoredServiceLocks, PostgresMonitoredServiceLocks>();
        services.AddScoped<Application.Status.IIncidentLocks, PostgresIncidentLocks>();
        services.AddScoped<Application.Status.IDueMaintenanceSource, PostgresDueMaintenanceSource>();
        services.AddScoped<Application.Status.ILatestStatusEvents, PostgresLatestStatusEvents>();
        services.AddScoped<Application.Identity.IAdminRemovalLock, PostgresAdminRemovalLock>();
        services.AddScoped<Application.Identity.ISignInUsers, PostgresSignInUsers>();
        services.AddScoped<Application.Identity.IOneTimeCodes, PostgresOneTimeCodes>();
        services.AddScoped<Application.Identity.IAccountTokens, PostgresAccountTokens>();
        services.AddSingleton<TotpAuthenticator>();
        services.AddScoped<Application.Identity.IMfaStore, PostgresMfaStore>();
        services.AddScoped<Application.Identity.ISessionLocks, PostgresSessionLocks>();
        services.AddScoped<Application.Identity.IEndedSessions, PostgresEndedSessions>();
        services.AddScoped<Application.Tickets.ITicketLocks, Tickets.PostgresTicketLocks>();
        services.AddScoped<Application.Common.Idempotency.IExpiredIdempotencyKeys, Idempotency.PostgresExpiredIdempotencyKeys>();
        services.AddScoped<Application.Common.Outbox.IProcessedOutboxMessages, PostgresProcessedOutboxMessages>();
        services.AddScoped<Application.Housekeeping.IExpiredRateLimitCounters, PostgresExpiredRateLimitCounters>();
        Webhooks.WebhookServiceRegistration.AddWebhookAdapters(services, configuration);
        Email.EmailServiceRegistration.AddEmailAdapters(services, configuration);
        services.AddScoped<Application.Common.Inbound.IInboundEventStore, Inbound.PostgresInboundEventStore>();
        services.AddHostedService<DatabaseNotificationListener>();
        services.AddSingleton<IRateLimitStore, PostgresRateLimitStore>();

        var outbox = configuration.GetSection(OutboxOptions.SectionName).Get<OutboxOptions>() ?? new OutboxOptions();
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.SectionName));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxHandlerRegistry>();
        services.AddSingleton<OutboxDispatcher>();
        if (outbox.Enabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }
        services.AddSingleton<BatchedRateLimitCounter>();
        services.AddHostedService<RateLimitCounterFlusher>();
        services.AddSingleton<Observability.ErrorCountRecorder>();
        services.AddSingleton<Observability.OperationalMetrics>();
        services.Configure<Application.Common.Observability.SloOptions>(configuration.GetSection(Application.Common.Observability.SloOptions.SectionName));
        services.AddSingleton<Observability.RequestLatencyRecorder>();
        services.AddSingleton<Application.Common.Observability.IRequestSamples, Observability.PostgresRequestSamples>();
        services.AddHostedService<Observability.ErrorCountFlusher>();

        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.SectionName));
        if (jobs.Enabled)
        {
            services.AddScoped<JobCommandSender>();
            var properties = new System.Collections.Specialized.NameValueCollection
            {
                ["quartz.scheduler.instanceName"] = SchedulerName,
                ["quartz.scheduler.instanceId"] = "AUTO",
                // Shutdown cancels running jobs (their commands roll back; the next firing, here or on another
                // member, does the work) instead of waiting for them, and a scheduler that lost the database retries
                // every 2 s rather than 15 s, so it notices a shutdown promptly.
                ["quartz.scheduler.interruptJobsOnShutdown"] = "true",
                ["quartz.jobStore.dbRetryInterval"] = "2000",
            };
            services.AddQuartz(properties, q =>
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = jobs.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = jobs.ClusterCheckinInterval * 2;
                    });
                });
                q.AddJob<DeleteExpiredIdempotencyKeysJob>(j => j.WithIdentity(DeleteExpiredIdempotencyKeysJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .ForJob(DeleteExpiredIdempotencyKeysJob.Key)
                    .WithIdentity("delete-expired-idempotency-keys-trigger", "maintenance")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(jobs.IdempotencyCleanupInterval).RepeatForever()));
                q.AddJob<DeleteExpiredRateLimitCountersJob>(j => j.WithIdentity(DeleteExpiredRateLimitCountersJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .ForJob(DeleteExpiredRateLimitCountersJob.Key)
                    .WithIdentity("delete-expired-rate-limit-counters-trigger", "maintenance")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(jobs.IdempotencyCleanupInterval).RepeatForever()));
                q.AddJob<DeleteProcessedOutboxMessagesJob>(j => j.WithIdentity(DeleteProcessedOutboxMessagesJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .ForJob(DeleteProcessedOutboxMessagesJob.Key)
                    .WithIdentity("delete-processed-outbox-messages-trigger", "maintenance")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(jobs.IdempotencyCleanupInterval).RepeatForever()));
                q.AddJob<DeleteOldWebhookMessagesJob>(j => j.WithIdentity(DeleteOldWebhookMessagesJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .ForJob(DeleteOldWebhookMessagesJob.Key)
                    .WithIdentity("delete-old-webhook-messages-trigger", "maintenance")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(jobs.IdempotencyCleanupInterval).RepeatForever()));
                q.AddJob<RunDueMaintenancesJob>(j => j.WithIdentity(RunDueMaintenancesJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .ForJob(RunDueMaintenancesJob.Key)
                    .WithIdentity("run-due-maintenances-trigger", "status")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(jobs.MaintenanceInterval).RepeatForever()));
                q.AddJob<PruneEndedSessionsJob>(j => j.WithIdentity(PruneEndedSessionsJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .ForJob(PruneEndedSessionsJob.Key)
                    .WithIdentity("prune-ended-sessions-trigger", "maintenance")
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(jobs.SessionPruneInterval).RepeatForever()));
            });
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        }

        return services;
    }

    /// <summary>
    /// Every problem with the settings this layer reads (the connection string, <c>Database</c>, <c>Outbox</c>,
    /// <c>Jobs</c>), as messages that name the key and never a secret value. Start-up refuses to go on when there
    /// is one; <c>check-config</c> lists them all. Nothing here connects to the database.
    /// </summary>
    public static IReadOnlyList<string> ConfigurationProblems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add($"ConnectionStrings:{ConnectionStringName} is not set (environment variable ConnectionStrings__{ConnectionStringName}).");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException ex)
            {
                // The message names the keyword or position, not the values (the password among them).
                problems.Add($"ConnectionStrings:{ConnectionStringName} is not an Npgsql connection string: {ex.Message}");
            }
        }

        Configuration.SettingsBinder.Bind<DatabaseOptions>(configuration, DatabaseOptions.SectionName, problems);
        Configuration.SettingsBinder.Bind<JobsOptions>(configuration, JobsOptions.SectionName, problems);
        var slo = Configuration.SettingsBinder.Bind<Application.Common.Observability.SloOptions>(configuration, Application.Common.Observability.SloOptions.SectionName, problems);
        problems.AddRange(slo.Problems());
        var outbox = Configuration.SettingsBinder.Bind<OutboxOptions>(configuration, OutboxOptions.SectionName, problems);
        try
        {
            outbox.Validate();
        }
        catch (InvalidOperationException ex)
        {
            // OutboxOptions reports its first bad setting only.
            problems.Add(ex.Message);
        }

        return problems;
    }
}
