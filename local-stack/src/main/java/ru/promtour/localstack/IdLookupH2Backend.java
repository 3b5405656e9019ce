package ru.promtour.localstack;

import java.lang.reflect.Field;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, except that a query naming one {@code _id} (a string or an ObjectId) reads
 * that one document instead of every document of the collection.
 * <p>
 * Why: the stub uses an index only when the query's fields are exactly the index's fields, so the platform's
 * conditional writes ({@code {_id, version}}, the seat saga's {@code {_id, version, guards…}}) scanned and
 * deserialized the whole collection — every seat answer cost a pass over all bookings, and the local stack
 * slowed down as bookings accumulated. Real MongoDB answers these from its {@code _id} index; this brings the
 * stub close to that. The result is the same by construction: only the document with that key can match,
 * and it is still matched against the whole query.
 */
final class IdLookupH2Backend extends H2Backend {

    /**
     * Unsaved changes the store may buffer before it writes them out (KB). MVStore's default, 1 MB, is reached
     * within a few hundred writes under load (it counts each changed document at its serialized size, and a
     * busy slot's ledger is several KB), and then the writing thread itself commits, serializing every changed
     * document again (Java serialization, the stub's main cost under load). With a large buffer the commits
     * come from the background auto-commit, once a second, so a document written a hundred times in that
     * second is serialized once. A crash loses at most that second, as before.
     */
    private static final int AUTO_COMMIT_BUFFER_KB = 64 * 1024;

    IdLookupH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).autoCommitBufferSize(AUTO_COMMIT_BUFFER_KB).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        private static final Field MV_STORE = field(H2Database.class, "mvStore");

        Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
            super(databaseName, mvStore, cursorRegistry);
        }

        /** As {@link H2Database} opens a collection (the same map names, so existing files read the same). */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // read from the superclass: this runs from its constructor, before fields of this class are set
            MVStore store = (MVStore) get(MV_STORE, this);
            String fullName = getFullCollectionNamespace(collectionName);
            return new Collection(this, collectionName, options, store.openMap("databases." + fullName),
                    store.openMap("meta." + fullName), cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                   org.h2.mvstore.MVMap<Object, Document> dataMap, org.h2.mvstore.MVMap<String, Object> metaMap,
                   CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                             int batchSize, Document fieldSelector) {
            Object id = query.get("_id");
            // documents are stored under their _id; other id types (numbers compare across types) keep the scan
            if (id instanceof String || id instanceof ObjectId) {
                List<Object> positions = getDocument(id) == null ? List.of() : List.of(id);
                return matchDocuments(query, positions, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
            }
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("mongo-java-server changed: no " + type.getSimpleName() + "." + name, ex);
        }
    }

    private static Object get(Field field, Object target) {
        try {
            return field.get(target);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
