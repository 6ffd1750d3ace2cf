# syntax=docker/dockerfile:1
# Platform API image. Build from the repository root:
#   docker build -t platform-api .
#   docker run -p 8080:8080 -e ConnectionStrings__Platform="Host=...;Database=platform;Username=...;Password=..." platform-api
# (No Docker engine exists on the project's machines: this file is reviewed, not built, there.)

# --- project skeleton: only the files restore needs, so the restore layer below is reused
#     until a project file or package version changes (works for projects added later too).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS skeleton
WORKDIR /src
COPY src/ src/
RUN find src -type f ! -name '*.csproj' ! -name '*.props' ! -name '*.targets' -delete \
    && find src -depth -type d -empty -delete

# --- build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Solution-wide settings and central package versions first.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY --from=skeleton /src/src/ src/
RUN dotnet restore src/Platform.Api/Platform.Api.csproj
COPY src/ src/
RUN dotnet publish src/Platform.Api/Platform.Api.csproj -c Release -o /app --no-restore

# --- runtime
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for HEALTHCHECK only (the aspnet image has none).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1
EXPOSE 8080
# Non-root: the image's built-in `app` user.
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health >/dev/null || exit 1
ENTRYPOINT ["dotnet", "Platform.Api.dll"]
