# syntax=docker/dockerfile:1
# One multi-stage image recipe for every service: docker build --build-arg MODULE=booking-service .
ARG MODULE=gateway

FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package -pl ${MODULE} -am

FROM eclipse-temurin:17.0.17_10-jre-jammy
ARG MODULE
RUN useradd --system --uid 10001 app \
    && install -d -o app -m 700 /var/lib/promtour/gateway-keys
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/app.jar
USER app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
