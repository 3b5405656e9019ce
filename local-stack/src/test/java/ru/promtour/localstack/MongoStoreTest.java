package ru.promtour.localstack;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoStoreTest {

    @TempDir
    Path dir;

    @Test
    void aPersistentStoreKeepsDocumentsAcrossCloseAndStart() {
        Path file = dir.resolve("mongo/store.mv");
        int port = FreePorts.next();
        MongoStore store = MongoStore.persistent(file, "127.0.0.1", port).start();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            excursions(client).insertOne(new Document("_id", "exc-1").append("title", "Завод ЗИЛ").append("seats", 12));
        }
        store.close();
        assertThat(file).exists();

        MongoStore reopened = MongoStore.persistent(file, "127.0.0.1", port).start();
        try (MongoClient client = MongoClients.create(reopened.connectionString())) {
            Document found = excursions(client).find(new Document("_id", "exc-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("Завод ЗИЛ");
            assertThat(found.getInteger("seats")).isEqualTo(12);
        }
        finally {
            reopened.close();
        }
    }

    @Test
    void theSameStoreCanBeStartedAgainAfterClose() {
        MongoStore store = MongoStore.persistent(dir.resolve("store.mv"), "127.0.0.1", FreePorts.next()).start();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            excursions(client).insertOne(new Document("_id", "exc-2"));
        }
        store.close();
        assertThatThrownBy(store::connectionString).isInstanceOf(IllegalStateException.class);

        store.start();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(excursions(client).countDocuments()).isEqualTo(1);
        }
        finally {
            store.close();
        }
    }

    @Test
    void conditionalWritesOnOneIdBehaveAsOnMongoDb() {
        MongoStore store = MongoStore.persistent(dir.resolve("store.mv"), "127.0.0.1", FreePorts.next()).start();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> slots = client.getDatabase("catalog").getCollection("slots");
            for (int i = 0; i < 50; i++) {
                slots.insertOne(new Document("_id", "slot-" + i).append("version", 0L).append("held", 0));
            }
            org.bson.types.ObjectId objectId = new org.bson.types.ObjectId();
            slots.insertOne(new Document("_id", objectId).append("version", 0L).append("held", 0));
            slots.insertOne(new Document("_id", 7).append("version", 0L).append("held", 0));

            // the version guard: the first write wins, the stale one matches nothing
            Document v0 = new Document("_id", "slot-7").append("version", 0L);
            Document hold = new Document("$inc", new Document("held", 2).append("version", 1L));
            assertThat(slots.updateOne(v0, hold).getModifiedCount()).isEqualTo(1);
            assertThat(slots.updateOne(v0, hold).getModifiedCount()).isZero();
            Document before = slots.findOneAndUpdate(new Document("_id", "slot-7").append("version", 1L).append("held", 2), hold);
            assertThat(before.getInteger("held")).isEqualTo(2);
            assertThat(slots.find(new Document("_id", "slot-7")).first().getInteger("held")).isEqualTo(4);
            assertThat(slots.find(new Document("_id", "slot-8")).first().getInteger("held")).isZero();

            // other id types, a missing id, an operator on _id and an upsert
            assertThat(slots.updateOne(new Document("_id", objectId).append("version", 0L), hold).getModifiedCount()).isEqualTo(1);
            assertThat(slots.updateOne(new Document("_id", 7L).append("version", 0L), hold).getModifiedCount()).isEqualTo(1);
            assertThat(slots.updateOne(new Document("_id", "slot-none").append("version", 0L), hold).getMatchedCount()).isZero();
            assertThat(slots.countDocuments(new Document("_id", new Document("$in", java.util.List.of("slot-1", "slot-2")))))
                    .isEqualTo(2);
            slots.updateOne(new Document("_id", "slot-new").append("version", 0L), new Document("$set", new Document("held", 1)),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
            assertThat(slots.find(new Document("_id", "slot-new")).first().getInteger("held")).isEqualTo(1);
        }
        finally {
            store.close();
        }
    }

    @Test
    void anInMemoryStoreListensOnAFreePort() {
        try (MongoStore store = MongoStore.inMemory().start();
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(store.connectionString()).startsWith("mongodb://127.0.0.1:");
            excursions(client).insertOne(new Document("_id", "exc-3"));
            assertThat(excursions(client).countDocuments()).isEqualTo(1);
        }
    }

    private static MongoCollection<Document> excursions(MongoClient client) {
        return client.getDatabase("catalog").getCollection("excursions");
    }
}
