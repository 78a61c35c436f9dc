// Generated from the server's OpenAPI document by `npm run api:generate`. Do not edit.
export interface paths {
  '/api/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              expiresAt: string;
              token: string;
              user: {
                displayName: string;
                id: number;
                role: string;
                unit: {
                  code: string;
                  id: number;
                  kind: string;
                  name: string;
                  path: string;
                  shortName: string | null;
                } | null;
                username: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log out (ends this session) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                displayName: string;
                id: number;
                role: string;
                unit: {
                  code: string;
                  id: number;
                  kind: string;
                  name: string;
                  path: string;
                  shortName: string | null;
                } | null;
                username: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/days': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query: {
          from: string;
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              coverage: {
                firstYear: number;
                lastYear: number;
                years: number[];
              };
              days: {
                day: string;
                isWorkday: boolean;
                name: string | null;
                /** @enum {string} */
                source: 'override' | 'makeup' | 'holiday' | 'weekend' | 'weekday';
              }[];
              uncoveredYears: number[];
              warnings: string[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/overrides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              coverage: {
                firstYear: number;
                lastYear: number;
                years: number[];
              };
              overrides: {
                createdAt: string;
                day: string;
                isWorkday: boolean;
                note: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/overrides/{day}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          day: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            isWorkday: boolean;
            /** @default null */
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              day: string;
              isWorkday: boolean;
              note: string | null;
            };
          };
        };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          day: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              coverage: {
                firstYear: number;
                lastYear: number;
                years: number[];
              };
              warnings: string[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          awaitingCallback?: 'true' | 'false';
          disputed?: 'true' | 'false';
          overdue?: 'true' | 'false';
          page?: number;
          pageSize?: number;
          pendingExtension?: 'true' | 'false';
          q?: string;
          sort?: 'received' | 'due';
          status?: string;
          unitId?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lastReturn: {
                  at: string;
                  reason: string | null;
                  unitName: string;
                } | null;
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                pendingExtension: {
                  amount: number;
                  id: string;
                  reason: string;
                  requestedAt: string;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                } | null;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              }[];
              page: number;
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assignments: {
                acceptedAt: string | null;
                assignedAt: string;
                doneAt: string | null;
                id: string;
                result: string | null;
                returnedAt: string | null;
                returnReason: string | null;
                /** @enum {string} */
                role: 'lead' | 'co';
                /** @enum {string} */
                status: 'pending' | 'accepted' | 'returned' | 'done' | 'withdrawn';
                unit: {
                  code: string;
                  id: number;
                  name: string;
                };
              }[];
              attachments: {
                eventId: string | null;
                fileName: string;
                id: string;
                mimeType: string;
                size: number;
                url: string;
              }[];
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
              extensions: {
                amount: number;
                decidedAt: string | null;
                decisionReason: string | null;
                id: string;
                reason: string;
                requestedAt: string;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'denied' | 'moot';
                /** @enum {string} */
                unit: 'hours' | 'workdays';
              }[];
              reports: {
                address: string | null;
                anonymous: boolean;
                answer: string | null;
                channel: string;
                confidential: boolean;
                evaluation: {
                  at: string;
                  comment: string | null;
                  satisfaction: string | null;
                  solved: boolean | null;
                } | null;
                externalId: string | null;
                id: string;
                joinedLater: boolean;
                lat: number | null;
                lon: number | null;
                receivedAt: string;
                reporter: {
                  email: string | null;
                  idNumber: string | null;
                  name: string | null;
                  phone: string | null;
                };
                text: string;
              }[];
              timeline: {
                action: string;
                actorUnitId: number | null;
                actorUserId: number | null;
                at: string;
                data: {
                  [key: string]: unknown;
                } | null;
                from: string | null;
                id: string;
                reason: string | null;
                to: string | null;
              }[];
              work: {
                deadlineUnits: {
                  /** @enum {string|null} */
                  resolve: 'hours' | 'workdays' | null;
                  /** @enum {string|null} */
                  response: 'hours' | 'workdays' | null;
                };
                extensionPending: boolean;
                myActions: (
                  | 'accept'
                  | 'contact'
                  | 'return'
                  | 'resolve'
                  | 'co_accept'
                  | 'co_submit'
                  | 'request_extension'
                )[];
                waitingFor: string[];
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: accept */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: answer */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            answer: string;
            articleId?: number;
            categoryCode?: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 审计 — the audit-chain entries of a case, oldest first (supervisor, leader, admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                action: string;
                actorName: string | null;
                actorUserId: number | null;
                after: unknown;
                at: string;
                before: unknown;
                hash: string;
                seq: number;
                shard: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: close */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/co-accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: co_accept */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/co-submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: co_submit */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            result: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/contact': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: contact */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/decide-extension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: decide_extension */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            approve: boolean;
            reason?: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Notifications sent about a case, with their delivery status */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                action: string;
                /** @enum {string} */
                adapter: 'webhook' | 'email' | 'sms';
                attempts: number;
                createdAt: string;
                deliveredAt: string | null;
                id: string;
                lastError: string | null;
                nextAttemptAt: string | null;
                recipient: string | null;
                reportId: string | null;
                /** @enum {string} */
                status: 'pending' | 'delivered' | 'failed';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/dispatch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: dispatch */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            categoryCode?: string;
            /** @default [] */
            coUnitIds?: number[];
            leadUnitId?: number;
            /** @enum {string} */
            priority?: 'normal' | 'urgent' | 'critical';
            reason?: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: evaluate */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            comment?: string;
            /** Format: uuid */
            reportId?: string;
            /** @enum {string} */
            satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
            solved: boolean;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/invalidate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: invalidate */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: merge */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            intoCase: string;
            reason?: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: reopen */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/request-extension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: request_extension */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            amount: number;
            reason: string;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: resolve */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            attachmentIds?: string[];
            result: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: return */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/similar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 并案 — open cases that are probably the same problem, with score and evidence */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/similar/{candidateId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 不予并案 — the two cases are not the same problem; never propose the pair again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the proposed case, id or number */
          candidateId: string;
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/split': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 拆分 — take a report merged into this case (并案) back out into a new case of its own */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
            /** Format: uuid */
            reportId: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/suggestion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the model suggested for a case at intake, and what intake did with it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              suggestion: {
                alternatives: {
                  categoryCode: string | null;
                  confidence: number;
                  label: string;
                  unitId: number | null;
                  unitName: string | null;
                }[];
                categoryCode: string | null;
                categoryName: string | null;
                confidence: number;
                decision: string;
                label: string;
                modelVersion: number;
                phrases: {
                  text: string;
                  weight: number;
                }[];
                unitId: number | null;
                unitName: string | null;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/urge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: urge */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            message: string;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cases/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** lifecycle action: verify */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          /** @description case id (uuid) or case number */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
            passed: boolean;
            /** @description the case version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          includeInactive?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: components['schemas']['CategoryTreeNode'][];
            };
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            attributes?: {
              code: string;
              /** @enum {string} */
              datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
              /** @default  */
              datatype_description?: string;
              description: string;
              order: number;
              /** @default false */
              required?: boolean;
              /** @default [] */
              values?: {
                key: string;
                name: string;
              }[];
              /** @default true */
              variable?: boolean;
            }[];
            code?: string;
            deadlines?: {
              critical: {
                resolve: {
                  amount: number;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                };
                response: {
                  amount: number;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                };
              };
              normal: {
                resolve: {
                  amount: number;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                };
                response: {
                  amount: number;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                };
              };
              urgent: {
                resolve: {
                  amount: number;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                };
                response: {
                  amount: number;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                };
              };
            };
            /** @enum {string} */
            kind?: 'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help';
            name: string;
            /** @default null */
            nameEn?: string | null;
            parentCode?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              attributes: {
                code: string;
                /** @enum {string} */
                datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
                datatype_description: string;
                description: string;
                order: number;
                required: boolean;
                values: {
                  key: string;
                  name: string;
                }[];
                variable: boolean;
              }[];
              code: string;
              deadlines: {
                critical: {
                  createdAt: string;
                  createdBy: number | null;
                  id: number;
                  /** @enum {string} */
                  priority: 'normal' | 'urgent' | 'critical';
                  resolve: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  response: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  retiredAt: string | null;
                } | null;
                normal: {
                  createdAt: string;
                  createdBy: number | null;
                  id: number;
                  /** @enum {string} */
                  priority: 'normal' | 'urgent' | 'critical';
                  resolve: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  response: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  retiredAt: string | null;
                } | null;
                urgent: {
                  createdAt: string;
                  createdBy: number | null;
                  id: number;
                  /** @enum {string} */
                  priority: 'normal' | 'urgent' | 'critical';
                  resolve: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  response: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  retiredAt: string | null;
                } | null;
              } | null;
              id: number;
              isLeaf: boolean;
              /** @enum {string} */
              kind: 'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help';
              level: number;
              name: string;
              nameEn: string | null;
              parentCode: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/categories/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              category: {
                active: boolean;
                attributes: {
                  code: string;
                  /** @enum {string} */
                  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
                  datatype_description: string;
                  description: string;
                  order: number;
                  required: boolean;
                  values: {
                    key: string;
                    name: string;
                  }[];
                  variable: boolean;
                }[];
                code: string;
                deadlines: {
                  critical: {
                    createdAt: string;
                    createdBy: number | null;
                    id: number;
                    /** @enum {string} */
                    priority: 'normal' | 'urgent' | 'critical';
                    resolve: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    response: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    retiredAt: string | null;
                  } | null;
                  normal: {
                    createdAt: string;
                    createdBy: number | null;
                    id: number;
                    /** @enum {string} */
                    priority: 'normal' | 'urgent' | 'critical';
                    resolve: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    response: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    retiredAt: string | null;
                  } | null;
                  urgent: {
                    createdAt: string;
                    createdBy: number | null;
                    id: number;
                    /** @enum {string} */
                    priority: 'normal' | 'urgent' | 'critical';
                    resolve: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    response: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    retiredAt: string | null;
                  } | null;
                } | null;
                id: number;
                isLeaf: boolean;
                /** @enum {string} */
                kind: 'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help';
                level: number;
                name: string;
                nameEn: string | null;
                parentCode: string | null;
              };
              children: {
                active: boolean;
                attributes: {
                  code: string;
                  /** @enum {string} */
                  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
                  datatype_description: string;
                  description: string;
                  order: number;
                  required: boolean;
                  values: {
                    key: string;
                    name: string;
                  }[];
                  variable: boolean;
                }[];
                code: string;
                id: number;
                isLeaf: boolean;
                /** @enum {string} */
                kind: 'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help';
                level: number;
                name: string;
                nameEn: string | null;
                parentCode: string | null;
              }[];
              history: {
                createdAt: string;
                createdBy: number | null;
                id: number;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                resolve: {
                  amount: number;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                };
                response: {
                  amount: number;
                  /** @enum {string} */
                  unit: 'hours' | 'workdays';
                };
                retiredAt: string | null;
              }[];
              path: {
                code: string;
                name: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            attributes?: {
              code: string;
              /** @enum {string} */
              datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
              /** @default  */
              datatype_description?: string;
              description: string;
              order: number;
              /** @default false */
              required?: boolean;
              /** @default [] */
              values?: {
                key: string;
                name: string;
              }[];
              /** @default true */
              variable?: boolean;
            }[];
            name?: string;
            nameEn?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              attributes: {
                code: string;
                /** @enum {string} */
                datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
                datatype_description: string;
                description: string;
                order: number;
                required: boolean;
                values: {
                  key: string;
                  name: string;
                }[];
                variable: boolean;
              }[];
              code: string;
              deadlines: {
                critical: {
                  createdAt: string;
                  createdBy: number | null;
                  id: number;
                  /** @enum {string} */
                  priority: 'normal' | 'urgent' | 'critical';
                  resolve: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  response: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  retiredAt: string | null;
                } | null;
                normal: {
                  createdAt: string;
                  createdBy: number | null;
                  id: number;
                  /** @enum {string} */
                  priority: 'normal' | 'urgent' | 'critical';
                  resolve: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  response: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  retiredAt: string | null;
                } | null;
                urgent: {
                  createdAt: string;
                  createdBy: number | null;
                  id: number;
                  /** @enum {string} */
                  priority: 'normal' | 'urgent' | 'critical';
                  resolve: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  response: {
                    amount: number;
                    /** @enum {string} */
                    unit: 'hours' | 'workdays';
                  };
                  retiredAt: string | null;
                } | null;
              } | null;
              id: number;
              isLeaf: boolean;
              /** @enum {string} */
              kind: 'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help';
              level: number;
              name: string;
              nameEn: string | null;
              parentCode: string | null;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/categories/{code}/deadlines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            critical: {
              resolve: {
                amount: number;
                /** @enum {string} */
                unit: 'hours' | 'workdays';
              };
              response: {
                amount: number;
                /** @enum {string} */
                unit: 'hours' | 'workdays';
              };
            };
            normal: {
              resolve: {
                amount: number;
                /** @enum {string} */
                unit: 'hours' | 'workdays';
              };
              response: {
                amount: number;
                /** @enum {string} */
                unit: 'hours' | 'workdays';
              };
            };
            urgent: {
              resolve: {
                amount: number;
                /** @enum {string} */
                unit: 'hours' | 'workdays';
              };
              response: {
                amount: number;
                /** @enum {string} */
                unit: 'hours' | 'workdays';
              };
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              category: {
                active: boolean;
                attributes: {
                  code: string;
                  /** @enum {string} */
                  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
                  datatype_description: string;
                  description: string;
                  order: number;
                  required: boolean;
                  values: {
                    key: string;
                    name: string;
                  }[];
                  variable: boolean;
                }[];
                code: string;
                deadlines: {
                  critical: {
                    createdAt: string;
                    createdBy: number | null;
                    id: number;
                    /** @enum {string} */
                    priority: 'normal' | 'urgent' | 'critical';
                    resolve: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    response: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    retiredAt: string | null;
                  } | null;
                  normal: {
                    createdAt: string;
                    createdBy: number | null;
                    id: number;
                    /** @enum {string} */
                    priority: 'normal' | 'urgent' | 'critical';
                    resolve: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    response: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    retiredAt: string | null;
                  } | null;
                  urgent: {
                    createdAt: string;
                    createdBy: number | null;
                    id: number;
                    /** @enum {string} */
                    priority: 'normal' | 'urgent' | 'critical';
                    resolve: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    response: {
                      amount: number;
                      /** @enum {string} */
                      unit: 'hours' | 'workdays';
                    };
                    retiredAt: string | null;
                  } | null;
                } | null;
                id: number;
                isLeaf: boolean;
                /** @enum {string} */
                kind: 'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help';
                level: number;
                name: string;
                nameEn: string | null;
                parentCode: string | null;
              };
              changed: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inbound channels (never their secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              callbackUrl: string | null;
              code: string;
              createdAt: string;
              fieldMapping: unknown;
              id: number;
              inboundPath: string;
              kind: string;
              name: string;
              revokedAt: string | null;
              userId: number;
            }[];
          };
        };
      };
    };
    put?: never;
    /** Register an inbound channel (its secret is shown only in this response) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uri */
            callbackUrl?: string;
            code: string;
            fieldMapping: {
              /** @default {} */
              constants?: {
                [key: string]: string | number | boolean;
              };
              fields: {
                address?: string;
                anonymous?: string;
                areaCode?: string;
                categoryCode?: string;
                confidential?: string;
                externalId: string;
                kind?: string;
                lat?: string;
                lon?: string;
                occurredAt?: string;
                priority?: string;
                reporterEmail?: string;
                reporterIdNumber?: string;
                reporterName?: string;
                reporterPhone?: string;
                text: string;
                title?: string;
              };
              /** @default {} */
              values?: {
                [key: string]: {
                  [key: string]: string | number | boolean;
                };
              };
            };
            /** @enum {string} */
            kind:
              | 'hotline'
              | 'web'
              | 'app'
              | 'wechat'
              | 'grid'
              | 'api'
              | 'open311'
              | 'webhook'
              | 'email'
              | 'leader_board'
              | 'iot';
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              callbackUrl: string | null;
              code: string;
              createdAt: string;
              fieldMapping: unknown;
              id: number;
              inboundPath: string;
              kind: string;
              name: string;
              revokedAt: string | null;
              secret: string;
              userId: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change name, field mapping, callback URL or pause/resume a channel */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            /** Format: uri */
            callbackUrl?: string | null;
            fieldMapping?: {
              /** @default {} */
              constants?: {
                [key: string]: string | number | boolean;
              };
              fields: {
                address?: string;
                anonymous?: string;
                areaCode?: string;
                categoryCode?: string;
                confidential?: string;
                externalId: string;
                kind?: string;
                lat?: string;
                lon?: string;
                occurredAt?: string;
                priority?: string;
                reporterEmail?: string;
                reporterIdNumber?: string;
                reporterName?: string;
                reporterPhone?: string;
                text: string;
                title?: string;
              };
              /** @default {} */
              values?: {
                [key: string]: {
                  [key: string]: string | number | boolean;
                };
              };
            };
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              callbackUrl: string | null;
              code: string;
              createdAt: string;
              fieldMapping: unknown;
              id: number;
              inboundPath: string;
              kind: string;
              name: string;
              revokedAt: string | null;
              userId: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/channels/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a channel for good */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              callbackUrl: string | null;
              code: string;
              createdAt: string;
              fieldMapping: unknown;
              id: number;
              inboundPath: string;
              kind: string;
              name: string;
              revokedAt: string | null;
              userId: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace the secret (the new one is shown only in this response; the old one stops working) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              callbackUrl: string | null;
              code: string;
              createdAt: string;
              fieldMapping: unknown;
              id: number;
              inboundPath: string;
              kind: string;
              name: string;
              revokedAt: string | null;
              secret: string;
              userId: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public settings for the console and the citizen portal (no secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              districtCode: string;
              map: {
                attribution: string;
                /** @enum {string} */
                crs: 'wgs84' | 'gcj02';
                maxZoom: number;
                subdomains: string;
                tileUrl: string | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dispatch/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          area?: string;
          category?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              candidates: {
                areaDepth: number;
                categoryDepth: number;
                chosen: boolean;
                rule: {
                  area: {
                    code: string;
                    id: number;
                    name: string;
                  } | null;
                  category: {
                    code: string;
                    id: number;
                    name: string;
                  } | null;
                  co: {
                    code: string;
                    id: number;
                    name: string;
                  }[];
                  createdAt: string;
                  createdBy: number | null;
                  id: number;
                  lead: {
                    code: string;
                    id: number;
                    name: string;
                  } | null;
                  /** @enum {string} */
                  mode: 'unit' | 'street';
                  note: string | null;
                  retiredAt: string | null;
                };
                skipped: string | null;
              }[];
              decision: {
                co: {
                  code: string;
                  id: number;
                  name: string;
                }[];
                lead: {
                  code: string;
                  id: number;
                  name: string;
                };
                /** @enum {string} */
                mode: 'unit' | 'street';
                reason: string;
                ruleId: number;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dispatch/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          area?: string;
          category?: string;
          includeRetired?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rules: {
                area: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                category: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                co: {
                  code: string;
                  id: number;
                  name: string;
                }[];
                createdAt: string;
                createdBy: number | null;
                id: number;
                lead: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                /** @enum {string} */
                mode: 'unit' | 'street';
                note: string | null;
                retiredAt: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            area: string | null;
            category: string | null;
            /** @default [] */
            co?: string[];
            /** @default null */
            lead?: string | null;
            /** @enum {string} */
            mode: 'unit' | 'street';
            /** @default null */
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              area: {
                code: string;
                id: number;
                name: string;
              } | null;
              category: {
                code: string;
                id: number;
                name: string;
              } | null;
              co: {
                code: string;
                id: number;
                name: string;
              }[];
              createdAt: string;
              createdBy: number | null;
              id: number;
              lead: {
                code: string;
                id: number;
                name: string;
              } | null;
              /** @enum {string} */
              mode: 'unit' | 'street';
              note: string | null;
              retiredAt: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dispatch/rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              history: {
                area: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                category: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                co: {
                  code: string;
                  id: number;
                  name: string;
                }[];
                createdAt: string;
                createdBy: number | null;
                id: number;
                lead: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                /** @enum {string} */
                mode: 'unit' | 'street';
                note: string | null;
                retiredAt: string | null;
              }[];
              rule: {
                area: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                category: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                co: {
                  code: string;
                  id: number;
                  name: string;
                }[];
                createdAt: string;
                createdBy: number | null;
                id: number;
                lead: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                /** @enum {string} */
                mode: 'unit' | 'street';
                note: string | null;
                retiredAt: string | null;
              };
            };
          };
        };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            co?: string[];
            /** @default null */
            lead?: string | null;
            /** @enum {string} */
            mode: 'unit' | 'street';
            /** @default null */
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              area: {
                code: string;
                id: number;
                name: string;
              } | null;
              category: {
                code: string;
                id: number;
                name: string;
              } | null;
              co: {
                code: string;
                id: number;
                name: string;
              }[];
              createdAt: string;
              createdBy: number | null;
              id: number;
              lead: {
                code: string;
                id: number;
                name: string;
              } | null;
              /** @enum {string} */
              mode: 'unit' | 'street';
              note: string | null;
              retiredAt: string | null;
            };
          };
        };
      };
    };
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              area: {
                code: string;
                id: number;
                name: string;
              } | null;
              category: {
                code: string;
                id: number;
                name: string;
              } | null;
              co: {
                code: string;
                id: number;
                name: string;
              }[];
              createdAt: string;
              createdBy: number | null;
              id: number;
              lead: {
                code: string;
                id: number;
                name: string;
              } | null;
              /** @enum {string} */
              mode: 'unit' | 'street';
              note: string | null;
              retiredAt: string | null;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start an export (cases or the monthly ranking, CSV or xlsx) as a job */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                filters?: {
                  /** @enum {string} */
                  awaitingCallback?: 'true' | 'false';
                  /** @enum {string} */
                  disputed?: 'true' | 'false';
                  /** @enum {string} */
                  overdue?: 'true' | 'false';
                  /** @enum {string} */
                  pendingExtension?: 'true' | 'false';
                  q?: string;
                  /**
                   * @default received
                   * @enum {string}
                   */
                  sort?: 'received' | 'due';
                  status?: string;
                  unitId?: number;
                };
                /** @enum {string} */
                format: 'csv' | 'xlsx';
                /** @enum {string} */
                kind: 'cases';
              }
            | {
                /** @enum {string} */
                format: 'csv' | 'xlsx';
                /** @enum {string} */
                kind: 'ranking';
                /**
                 * @default street
                 * @enum {string}
                 */
                level?: 'street' | 'department' | 'all';
                month?: string;
                unitId?: number;
              };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              createdBy: number | null;
              error: {
                code: string;
                details?: unknown;
                message: string;
              } | null;
              finishedAt: string | null;
              id: string;
              /** @enum {string} */
              kind: 'model_training' | 'case_export' | 'ranking_export' | 'polygon_import';
              message: string | null;
              params: {
                [key: string]: unknown;
              };
              progress: number;
              result: unknown;
              /** @enum {string} */
              status: 'running' | 'succeeded' | 'failed';
              step: {
                done?: number;
                /** @enum {string} */
                key:
                  | 'reading_labels'
                  | 'cross_validating'
                  | 'fold'
                  | 'final_fit'
                  | 'registering'
                  | 'reading_cases'
                  | 'cases'
                  | 'ranking'
                  | 'writing_file'
                  | 'saving_file'
                  | 'features';
                total?: number;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/geo/aliases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List place aliases */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                alias: string;
                createdAt: string;
                id: number;
                note: string | null;
                unitCode: string;
                unitId: number;
                unitName: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a place alias */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            alias: string;
            note?: string;
            unitCode: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alias: string;
              createdAt: string;
              id: number;
              note: string | null;
              unitCode: string;
              unitId: number;
              unitName: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/geo/aliases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a place alias */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/geo/areas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** District and street boundaries as GeoJSON (public; for maps) */
    get: {
      parameters: {
        query?: {
          kinds?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bbox: number[] | null;
              features: {
                geometry: {
                  coordinates: number[][][][];
                  /** @enum {string} */
                  type: 'MultiPolygon';
                };
                properties: {
                  code: string;
                  /** @enum {string} */
                  kind: 'district' | 'street' | 'community';
                  name: string;
                  unitId: number;
                };
                /** @enum {string} */
                type: 'Feature';
              }[];
              /** @enum {string} */
              type: 'FeatureCollection';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/geo/index': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** State of the address index */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              district: {
                code: string;
                id: number;
                name: string;
              };
              districtPolygon: boolean;
              loadedAt: string;
              patterns: number;
              polygons: number;
              units: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/geo/index/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rebuild the address index from the org tree */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              district: {
                code: string;
                id: number;
                name: string;
              };
              districtPolygon: boolean;
              loadedAt: string;
              patterns: number;
              polygons: number;
              units: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/geo/polygons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import unit boundaries (GeoJSON; features matched to units by code or name) as a job: poll /api/jobs/{id}; its result lists what was imported and what was not matched */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default wgs84
             * @enum {string}
             */
            crs?: 'wgs84' | 'gcj02';
            geojson: {
              [key: string]: unknown;
            };
            source?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              createdBy: number | null;
              error: {
                code: string;
                details?: unknown;
                message: string;
              } | null;
              finishedAt: string | null;
              id: string;
              /** @enum {string} */
              kind: 'model_training' | 'case_export' | 'ranking_export' | 'polygon_import';
              message: string | null;
              params: {
                [key: string]: unknown;
              };
              progress: number;
              result: unknown;
              /** @enum {string} */
              status: 'running' | 'succeeded' | 'failed';
              step: {
                done?: number;
                /** @enum {string} */
                key:
                  | 'reading_labels'
                  | 'cross_validating'
                  | 'fold'
                  | 'final_fit'
                  | 'registering'
                  | 'reading_cases'
                  | 'cases'
                  | 'ranking'
                  | 'writing_file'
                  | 'saving_file'
                  | 'features';
                total?: number;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/geo/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Resolve an address and/or coordinates to street and community */
    get: {
      parameters: {
        query?: {
          address?: string;
          lat?: number;
          lon?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alternatives: {
                community: {
                  code: string;
                  id: number;
                  name: string;
                } | null;
                confidence: number;
                street: {
                  code: string;
                  id: number;
                  name: string;
                };
              }[];
              community: {
                code: string;
                id: number;
                name: string;
              } | null;
              communityConfidence: number;
              confidence: number;
              elsewhere: {
                /** @enum {string} */
                level: 'province' | 'city' | 'district' | 'street';
                name: string;
                region: string;
              } | null;
              matches: {
                end: number;
                /** @enum {string} */
                kind: 'city' | 'district' | 'street' | 'community' | 'foreign' | 'coordinates';
                start: number;
                text: string;
                unitCode: string | null;
                weight: number;
              }[];
              point: {
                insideDistrict: boolean | null;
                units: {
                  code: string;
                  id: number;
                  kind: string;
                  name: string;
                }[];
              } | null;
              /** @enum {string} */
              status: 'resolved' | 'district_only' | 'other_district' | 'unresolved';
              street: {
                code: string;
                id: number;
                name: string;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbound/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deliver one report from an inbound channel (JSON in its own shape, signed)
     * @description Headers X-Zhicheng-Timestamp (unix seconds) and X-Zhicheng-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>. 201 first delivery, 200 with duplicate=true on redelivery of the same external id.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              caseId: string;
              caseNumber: string;
              duplicate: boolean;
              reportId: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              caseId: string;
              caseNumber: string;
              duplicate: boolean;
              reportId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 承办 — the open cases assigned to your unit, most urgent first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              counts: {
                co_handling: number;
                in_progress: number;
                sent_back: number;
                to_accept: number;
              };
              items: {
                assignment: {
                  assignedAt: string;
                  id: string;
                  /** @enum {string} */
                  role: 'lead' | 'co';
                  /** @enum {string} */
                  status: 'pending' | 'accepted';
                  unit: {
                    id: number;
                    name: string;
                  };
                };
                /** @enum {string} */
                bucket: 'to_accept' | 'in_progress' | 'sent_back' | 'co_handling';
                case: {
                  acceptedAt: string | null;
                  actions: string[];
                  address: string | null;
                  areaUnitId: number | null;
                  categoryId: number | null;
                  channel: string;
                  closedAt: string | null;
                  contactedAt: string | null;
                  counts: {
                    evaluations: number;
                    extensions: number;
                    reopens: number;
                    reports: number;
                    returns: number;
                    urges: number;
                  };
                  description: string;
                  directAnswer: boolean;
                  dispatchedAt: string | null;
                  evaluatedAt: string | null;
                  id: string;
                  invalidReason: string | null;
                  /** @enum {string} */
                  kind: 'request' | 'consultation';
                  lat: number | null;
                  leadUnitId: number | null;
                  lon: number | null;
                  mergedInto: string | null;
                  number: string;
                  /** @enum {string} */
                  priority: 'normal' | 'urgent' | 'critical';
                  receivedAt: string | null;
                  resolvedAt: string | null;
                  resolvedInTime: boolean | null;
                  resolveDueAt: string | null;
                  resolveOverdue: boolean;
                  respondedInTime: boolean | null;
                  responseDueAt: string | null;
                  responseOverdue: boolean;
                  result: string | null;
                  /** @enum {string} */
                  status:
                    | 'received'
                    | 'dispatched'
                    | 'accepted'
                    | 'in_progress'
                    | 'returned'
                    | 'resolved'
                    | 'verified'
                    | 'evaluated'
                    | 'closed'
                    | 'invalid'
                    | 'merged';
                  title: string | null;
                  updatedAt: string;
                  verifiedAt: string | null;
                  version: number;
                };
                deadlineUnits: {
                  /** @enum {string|null} */
                  resolve: 'hours' | 'workdays' | null;
                  /** @enum {string|null} */
                  response: 'hours' | 'workdays' | null;
                };
                extensionPending: boolean;
                myActions: (
                  | 'accept'
                  | 'contact'
                  | 'return'
                  | 'resolve'
                  | 'co_accept'
                  | 'co_submit'
                  | 'request_extension'
                )[];
                sentBack: {
                  /** @enum {string} */
                  action: 'reopen' | 'verify_failed';
                  at: string;
                  reason: string | null;
                } | null;
                waitingFor: string[];
              }[];
              truncated: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/intake/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 智能受理预览 — classify unsaved text and find similar open cases (nothing is saved) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            areaCode?: string;
            lat?: number;
            lon?: number;
            text: string;
            title?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              similar: {
                address: string | null;
                caseId: string;
                description: string;
                number: string;
                receivedAt: string;
                score: number;
                status: string;
                title: string | null;
              }[];
              suggestion: {
                alternatives: {
                  categoryCode: string | null;
                  categoryName: string | null;
                  confidence: number;
                  label: string;
                  unitName: string | null;
                }[];
                categoryCode: string | null;
                categoryName: string | null;
                confidence: number;
                label: string;
                modelVersion: number;
                phrases: {
                  text: string;
                  weight: number;
                }[];
                reasons: string[];
                unitId: number | null;
                unitName: string | null;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/intake/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 待派单 — cases waiting for a dispatcher, oldest first, with the model’s suggestion */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent long operations, newest first */
    get: {
      parameters: {
        query?: {
          kind?: 'model_training' | 'case_export' | 'ranking_export' | 'polygon_import';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                createdAt: string;
                createdBy: number | null;
                error: {
                  code: string;
                  details?: unknown;
                  message: string;
                } | null;
                finishedAt: string | null;
                id: string;
                /** @enum {string} */
                kind: 'model_training' | 'case_export' | 'ranking_export' | 'polygon_import';
                message: string | null;
                params: {
                  [key: string]: unknown;
                };
                progress: number;
                result: unknown;
                /** @enum {string} */
                status: 'running' | 'succeeded' | 'failed';
                step: {
                  done?: number;
                  /** @enum {string} */
                  key:
                    | 'reading_labels'
                    | 'cross_validating'
                    | 'fold'
                    | 'final_fit'
                    | 'registering'
                    | 'reading_cases'
                    | 'cases'
                    | 'ranking'
                    | 'writing_file'
                    | 'saving_file'
                    | 'features';
                  total?: number;
                } | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A long operation: status, progress, result or error (poll until not running) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              createdBy: number | null;
              error: {
                code: string;
                details?: unknown;
                message: string;
              } | null;
              finishedAt: string | null;
              id: string;
              /** @enum {string} */
              kind: 'model_training' | 'case_export' | 'ranking_export' | 'polygon_import';
              message: string | null;
              params: {
                [key: string]: unknown;
              };
              progress: number;
              result: unknown;
              /** @enum {string} */
              status: 'running' | 'succeeded' | 'failed';
              step: {
                done?: number;
                /** @enum {string} */
                key:
                  | 'reading_labels'
                  | 'cross_validating'
                  | 'fold'
                  | 'final_fit'
                  | 'registering'
                  | 'reading_cases'
                  | 'cases'
                  | 'ranking'
                  | 'writing_file'
                  | 'saving_file'
                  | 'features';
                total?: number;
              } | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/jobs/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The file a finished job made (an export), for its creator or an administrator */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/articles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Articles of every status, newest change first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number;
          q?: string;
          status?: 'draft' | 'published' | 'retired';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                answer: string;
                category: {
                  code: string;
                  name: string;
                } | null;
                createdAt: string;
                createdBy: number | null;
                expired: boolean;
                helpfulCount: number;
                id: number;
                keywords: string[];
                lastUsedAt: string | null;
                ownerUnit: {
                  code: string;
                  name: string;
                } | null;
                public: boolean;
                questions: string[];
                /** @enum {string} */
                status: 'draft' | 'published' | 'retired';
                title: string;
                updatedAt: string;
                updatedBy: number | null;
                useCount: number;
                validUntil: string | null;
                version: number;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** A new article */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            answer: string;
            /** @default null */
            categoryCode?: string | null;
            /** @default [] */
            keywords?: string[];
            /** @default null */
            ownerUnitCode?: string | null;
            /** @default false */
            public?: boolean;
            /** @default [] */
            questions?: string[];
            /**
             * @default draft
             * @enum {string}
             */
            status?: 'draft' | 'published';
            title: string;
            /**
             * Format: date
             * @default null
             */
            validUntil?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              answer: string;
              category: {
                code: string;
                name: string;
              } | null;
              createdAt: string;
              createdBy: number | null;
              expired: boolean;
              helpfulCount: number;
              id: number;
              keywords: string[];
              lastUsedAt: string | null;
              ownerUnit: {
                code: string;
                name: string;
              } | null;
              public: boolean;
              questions: string[];
              /** @enum {string} */
              status: 'draft' | 'published' | 'retired';
              title: string;
              updatedAt: string;
              updatedBy: number | null;
              useCount: number;
              validUntil: string | null;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/knowledge/articles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One article */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              answer: string;
              category: {
                code: string;
                name: string;
              } | null;
              createdAt: string;
              createdBy: number | null;
              expired: boolean;
              helpfulCount: number;
              id: number;
              keywords: string[];
              lastUsedAt: string | null;
              ownerUnit: {
                code: string;
                name: string;
              } | null;
              public: boolean;
              questions: string[];
              /** @enum {string} */
              status: 'draft' | 'published' | 'retired';
              title: string;
              updatedAt: string;
              updatedBy: number | null;
              useCount: number;
              validUntil: string | null;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Retire an article (kept for the record; search no longer offers it) */
    delete: {
      parameters: {
        query: {
          version: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              answer: string;
              category: {
                code: string;
                name: string;
              } | null;
              createdAt: string;
              createdBy: number | null;
              expired: boolean;
              helpfulCount: number;
              id: number;
              keywords: string[];
              lastUsedAt: string | null;
              ownerUnit: {
                code: string;
                name: string;
              } | null;
              public: boolean;
              questions: string[];
              /** @enum {string} */
              status: 'draft' | 'published' | 'retired';
              title: string;
              updatedAt: string;
              updatedBy: number | null;
              useCount: number;
              validUntil: string | null;
              version: number;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Edit, publish or retire an article at the version read */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            answer?: string;
            categoryCode?: string | null;
            keywords?: string[];
            ownerUnitCode?: string | null;
            public?: boolean;
            questions?: string[];
            /** @enum {string} */
            status?: 'draft' | 'published' | 'retired';
            title?: string;
            /** Format: date */
            validUntil?: string | null;
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              answer: string;
              category: {
                code: string;
                name: string;
              } | null;
              createdAt: string;
              createdBy: number | null;
              expired: boolean;
              helpfulCount: number;
              id: number;
              keywords: string[];
              lastUsedAt: string | null;
              ownerUnit: {
                code: string;
                name: string;
              } | null;
              public: boolean;
              questions: string[];
              /** @enum {string} */
              status: 'draft' | 'published' | 'retired';
              title: string;
              updatedAt: string;
              updatedBy: number | null;
              useCount: number;
              validUntil: string | null;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/knowledge/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published, unexpired articles ranked for free text (a caller’s words), with matched terms */
    get: {
      parameters: {
        query: {
          category?: string;
          limit?: number;
          q: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                article: {
                  answer: string;
                  category: {
                    code: string;
                    name: string;
                  } | null;
                  createdAt: string;
                  createdBy: number | null;
                  expired: boolean;
                  helpfulCount: number;
                  id: number;
                  keywords: string[];
                  lastUsedAt: string | null;
                  ownerUnit: {
                    code: string;
                    name: string;
                  } | null;
                  public: boolean;
                  questions: string[];
                  /** @enum {string} */
                  status: 'draft' | 'published' | 'retired';
                  title: string;
                  updatedAt: string;
                  updatedBy: number | null;
                  useCount: number;
                  validUntil: string | null;
                  version: number;
                };
                matched: string[];
                score: number;
                terms: string[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-sent events: every case timeline entry in the viewer’s district as it happens
     * @description text/event-stream. Open with a ticket from POST /api/live/ticket. Events: `ready` (data: {cursor}), `case` (id = sequence number; data: event and case), `reset` (missed too much: reload). Resume with the Last-Event-ID header or ?lastEventId=.
     */
    get: {
      parameters: {
        query: {
          lastEventId?: number;
          ticket: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/live/ticket': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A one-minute, single-use ticket to open the live feed (EventSource cannot send the token) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              expiresAt: string;
              ticket: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics/geo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cases by area: H3 cells with counts and boundaries (the outlines are GET /api/geo/areas) */
    get: {
      parameters: {
        query?: {
          categoryId?: number;
          from?: string;
          month?: string;
          resolution?: number;
          to?: string;
          unitId?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bbox: {
                maxLat: number;
                maxLon: number;
                minLat: number;
                minLon: number;
              } | null;
              /** Format: date-time */
              from: string;
              hexes: {
                boundary: number[][];
                count: number;
                h3: string;
                open: number;
                overdue: number;
              }[];
              located: number;
              resolution: number;
              /** Format: date-time */
              to: string;
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics/ranking': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Monthly ranking of streets and/or departments */
    get: {
      parameters: {
        query?: {
          level?: 'street' | 'department' | 'all';
          month?: string;
          unitId?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              from: string;
              items: {
                composite: number | null;
                counts: {
                  closed: number;
                  closedFirstTime: number;
                  dispatched: number;
                  evaluations: number;
                  leadAssignments: number;
                  open: number;
                  overdue: number;
                  reports: number;
                  resolveDecided: number;
                  resolvedInTime: number;
                  respondedInTime: number;
                  responseDecided: number;
                  returnedAssignments: number;
                  satisfied: number;
                  solved: number;
                };
                group: {
                  code: string | null;
                  id: number | null;
                  kind: string;
                  name: string;
                };
                rank: number | null;
                rates: {
                  firstTimeRate: number | null;
                  onTimeRate: number | null;
                  repeatRate: number | null;
                  responseRate: number | null;
                  returnRate: number | null;
                  satisfactionRate: number | null;
                  solveRate: number | null;
                };
              }[];
              level: string;
              month: string;
              /** Format: date-time */
              to: string;
              weights: {
                firstTimeRate: number;
                onTimeRate: number;
                repeatRate: number;
                responseRate: number;
                returnRate: number;
                satisfactionRate: number;
                solveRate: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Figures of everything in scope over a period */
    get: {
      parameters: {
        query?: {
          categoryId?: number;
          from?: string;
          month?: string;
          to?: string;
          unitId?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              from: string;
              /** Format: date-time */
              to: string;
              total: {
                composite: number | null;
                counts: {
                  closed: number;
                  closedFirstTime: number;
                  dispatched: number;
                  evaluations: number;
                  leadAssignments: number;
                  open: number;
                  overdue: number;
                  reports: number;
                  resolveDecided: number;
                  resolvedInTime: number;
                  respondedInTime: number;
                  responseDecided: number;
                  returnedAssignments: number;
                  satisfied: number;
                  solved: number;
                };
                group: {
                  code: string | null;
                  id: number | null;
                  kind: string;
                  name: string;
                };
                rates: {
                  firstTimeRate: number | null;
                  onTimeRate: number | null;
                  repeatRate: number | null;
                  responseRate: number | null;
                  returnRate: number | null;
                  satisfactionRate: number | null;
                  solveRate: number | null;
                };
              };
              weights: {
                firstTimeRate: number;
                onTimeRate: number;
                repeatRate: number;
                responseRate: number;
                returnRate: number;
                satisfactionRate: number;
                solveRate: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics/topics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Top categories of the last days and the ones rising against the weeks before */
    get: {
      parameters: {
        query?: {
          baselineDays?: number;
          days?: number;
          limit?: number;
          unitId?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              baselineDays: number;
              days: number;
              rising: {
                baseline: number;
                code: string;
                id: number;
                name: string;
                recent: number;
                rise: number;
              }[];
              top: {
                baseline: number;
                code: string;
                id: number;
                name: string;
                recent: number;
                rise: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics/trend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Month-by-month figures of a unit or the whole scope */
    get: {
      parameters: {
        query?: {
          endMonth?: string;
          months?: number;
          unitId?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                composite: number | null;
                counts: {
                  closed: number;
                  closedFirstTime: number;
                  dispatched: number;
                  evaluations: number;
                  leadAssignments: number;
                  open: number;
                  overdue: number;
                  reports: number;
                  resolveDecided: number;
                  resolvedInTime: number;
                  respondedInTime: number;
                  responseDecided: number;
                  returnedAssignments: number;
                  satisfied: number;
                  solved: number;
                };
                group: {
                  code: string | null;
                  id: number | null;
                  kind: string;
                  name: string;
                };
                month: string;
                rates: {
                  firstTimeRate: number | null;
                  onTimeRate: number | null;
                  repeatRate: number | null;
                  responseRate: number | null;
                  returnRate: number | null;
                  satisfactionRate: number | null;
                  solveRate: number | null;
                };
              }[];
              weights: {
                firstTimeRate: number;
                onTimeRate: number;
                repeatRate: number;
                responseRate: number;
                returnRate: number;
                satisfactionRate: number;
                solveRate: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Figures per unit, street, area or category */
    get: {
      parameters: {
        query?: {
          categoryId?: number;
          from?: string;
          groupBy?: 'lead_unit' | 'street' | 'area' | 'category';
          month?: string;
          to?: string;
          unitId?: number;
          unitKind?: 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              from: string;
              groupBy: string;
              items: {
                composite: number | null;
                counts: {
                  closed: number;
                  closedFirstTime: number;
                  dispatched: number;
                  evaluations: number;
                  leadAssignments: number;
                  open: number;
                  overdue: number;
                  reports: number;
                  resolveDecided: number;
                  resolvedInTime: number;
                  respondedInTime: number;
                  responseDecided: number;
                  returnedAssignments: number;
                  satisfied: number;
                  solved: number;
                };
                group: {
                  code: string | null;
                  id: number | null;
                  kind: string;
                  name: string;
                };
                rates: {
                  firstTimeRate: number | null;
                  onTimeRate: number | null;
                  repeatRate: number | null;
                  responseRate: number | null;
                  returnRate: number | null;
                  satisfactionRate: number | null;
                  solveRate: number | null;
                };
              }[];
              /** Format: date-time */
              to: string;
              weights: {
                firstTimeRate: number;
                onTimeRate: number;
                repeatRate: number;
                responseRate: number;
                returnRate: number;
                satisfactionRate: number;
                solveRate: number;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics/weights': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Composite score weights in force */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              firstTimeRate: number;
              onTimeRate: number;
              repeatRate: number;
              responseRate: number;
              returnRate: number;
              satisfactionRate: number;
              solveRate: number;
            };
          };
        };
      };
    };
    /** Set the composite score weights (sum 100) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            firstTimeRate: number;
            onTimeRate: number;
            repeatRate: number;
            responseRate: number;
            returnRate: number;
            satisfactionRate: number;
            solveRate: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              firstTimeRate: number;
              onTimeRate: number;
              repeatRate: number;
              responseRate: number;
              returnRate: number;
              satisfactionRate: number;
              solveRate: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The classifier model registry */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activeProblem: {
                code: string;
                message: string;
                version: number;
              } | null;
              items: {
                activatedAt: string | null;
                active: boolean;
                createdAt: string;
                examples: number;
                labels: {
                  [key: string]: {
                    categoryCode?: string;
                    unitCode?: string;
                  };
                };
                live: {
                  accuracy: number | null;
                  autoAccuracy: number | null;
                  autoDispatched: number;
                  labelled: number;
                  suggested: number;
                } | null;
                metrics: {
                  [key: string]: unknown;
                };
                name: string;
                sha256: string;
                sizeBytes: number;
                source: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/models/{version}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a model version the active one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activatedAt: string | null;
              active: boolean;
              createdAt: string;
              examples: number;
              labels: {
                [key: string]: {
                  categoryCode?: string;
                  unitCode?: string;
                };
              };
              metrics: {
                [key: string]: unknown;
              };
              name: string;
              sha256: string;
              sizeBytes: number;
              source: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/models/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Go back to the previously active model */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activatedAt: string | null;
              active: boolean;
              createdAt: string;
              examples: number;
              labels: {
                [key: string]: {
                  categoryCode?: string;
                  unitCode?: string;
                };
              };
              metrics: {
                [key: string]: unknown;
              };
              name: string;
              sha256: string;
              sizeBytes: number;
              source: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/models/train': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start retraining the classifier from the labelled cases (a job: poll /api/jobs/{id}) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default false */
            activate?: boolean;
            /**
             * @default unit
             * @enum {string}
             */
            label?: 'unit' | 'category';
            sinceDays?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              createdAt: string;
              createdBy: number | null;
              error: {
                code: string;
                details?: unknown;
                message: string;
              } | null;
              finishedAt: string | null;
              id: string;
              /** @enum {string} */
              kind: 'model_training' | 'case_export' | 'ranking_export' | 'polygon_import';
              message: string | null;
              params: {
                [key: string]: unknown;
              };
              progress: number;
              result: unknown;
              /** @enum {string} */
              status: 'running' | 'succeeded' | 'failed';
              step: {
                done?: number;
                /** @enum {string} */
                key:
                  | 'reading_labels'
                  | 'cross_validating'
                  | 'fold'
                  | 'final_fit'
                  | 'registering'
                  | 'reading_cases'
                  | 'cases'
                  | 'ranking'
                  | 'writing_file'
                  | 'saving_file'
                  | 'features';
                total?: number;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          limit?: number;
          unread?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/open311/clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open311 API clients (never their keys) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              createdAt: string;
              id: number;
              jurisdictionId: string;
              name: string;
              revokedAt: string | null;
              userId: number;
            }[];
          };
        };
      };
    };
    put?: never;
    /** Issue an Open311 API key (shown only in this response) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              apiKey: string;
              createdAt: string;
              id: number;
              jurisdictionId: string;
              name: string;
              revokedAt: string | null;
              userId: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/open311/clients/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke an Open311 API key for good */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              createdAt: string;
              id: number;
              jurisdictionId: string;
              name: string;
              revokedAt: string | null;
              userId: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List org units */
    get: {
      parameters: {
        query?: {
          kind?: 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';
          limit?: number;
          offset?: number;
          parentId?: number;
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                code: string;
                depth: number;
                divisionCode: string | null;
                id: number;
                /** @enum {string} */
                kind: 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';
                name: string;
                parentId: number | null;
                path: string;
                shortName: string | null;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Add an org unit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            /** @enum {string} */
            kind: 'street' | 'community' | 'grid' | 'department';
            name: string;
            parentId: number;
            shortName?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              code: string;
              depth: number;
              divisionCode: string | null;
              id: number;
              /** @enum {string} */
              kind: 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';
              name: string;
              parentId: number | null;
              path: string;
              shortName: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org/units/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One org unit with its ancestors */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              ancestors: {
                active: boolean;
                code: string;
                depth: number;
                divisionCode: string | null;
                id: number;
                /** @enum {string} */
                kind: 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';
                name: string;
                parentId: number | null;
                path: string;
                shortName: string | null;
              }[];
              code: string;
              depth: number;
              divisionCode: string | null;
              id: number;
              /** @enum {string} */
              kind: 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';
              name: string;
              parentId: number | null;
              path: string;
              shortName: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename or (de)activate an org unit */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            name?: string;
            shortName?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              code: string;
              depth: number;
              divisionCode: string | null;
              id: number;
              /** @enum {string} */
              kind: 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';
              name: string;
              parentId: number | null;
              path: string;
              shortName: string | null;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/outbox/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Try a failed notification again (attempts start over) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/patrol/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * File a grid patrol report: multipart with photo file parts and text, lon, lat fields
     * @description Fields: text, lon, lat (required); title, categoryCode, address, accuracy (m), capturedAt (ISO 8601), externalId (device id for retries), device. At least one JPEG/PNG/GIF/WebP photo.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attachments: {
                fileName: string;
                id: string;
                mimeType: string;
                sha256: string;
                size: number;
              }[];
              caseId: string;
              caseNumber: string;
              duplicate: boolean;
              reportId: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attachments: {
                fileName: string;
                id: string;
                mimeType: string;
                sha256: string;
                size: number;
              }[];
              caseId: string;
              caseNumber: string;
              duplicate: boolean;
              reportId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/answers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 一网通答 — public answers for what a citizen is about to report; no login */
    get: {
      parameters: {
        query: {
          limit?: number;
          q: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                answer: string;
                category: {
                  code: string;
                  name: string;
                } | null;
                id: number;
                matched: string[];
                title: string;
                validUntil: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/answers/{id}/helpful': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The answer settled the citizen’s question (no report filed): counted on the article */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/cases/{number}/rate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 评价 — rate the answer (solved, satisfaction) after resolution */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the case number (受理编号) */
          number: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            comment?: string;
            phoneLast4?: string;
            /** @enum {string} */
            satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
            solved: boolean;
            trackingCode?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              canRate: boolean;
              canReopen: boolean;
              category: {
                code: string;
                name: string;
              } | null;
              closedAt: string | null;
              number: string;
              receivedAt: string;
              reopenUntil: string | null;
              report: {
                address: string | null;
                anonymous: boolean;
                answer: string | null;
                evaluation: {
                  at: string;
                  comment: string | null;
                  satisfaction: string | null;
                  solved: boolean | null;
                } | null;
                receivedAt: string;
                text: string;
              };
              resolvedAt: string | null;
              status: string;
              statusLabel: string;
              timeline: {
                action: string;
                at: string;
                label: string;
                status: string | null;
                statusLabel: string | null;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/cases/{number}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 申请重办 — ask for a reopen within the window after an unsatisfied rating */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the case number (受理编号) */
          number: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phoneLast4?: string;
            reason: string;
            trackingCode?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              canRate: boolean;
              canReopen: boolean;
              category: {
                code: string;
                name: string;
              } | null;
              closedAt: string | null;
              number: string;
              receivedAt: string;
              reopenUntil: string | null;
              report: {
                address: string | null;
                anonymous: boolean;
                answer: string | null;
                evaluation: {
                  at: string;
                  comment: string | null;
                  satisfaction: string | null;
                  solved: boolean | null;
                } | null;
                receivedAt: string;
                text: string;
              };
              resolvedAt: string | null;
              status: string;
              statusLabel: string;
              timeline: {
                action: string;
                at: string;
                label: string;
                status: string | null;
                statusLabel: string | null;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/cases/{number}/track': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 查询办理进度 — track a case with the phone’s last four digits or the tracking code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the case number (受理编号) */
          number: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phoneLast4?: string;
            trackingCode?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              canRate: boolean;
              canReopen: boolean;
              category: {
                code: string;
                name: string;
              } | null;
              closedAt: string | null;
              number: string;
              receivedAt: string;
              reopenUntil: string | null;
              report: {
                address: string | null;
                anonymous: boolean;
                answer: string | null;
                evaluation: {
                  at: string;
                  comment: string | null;
                  satisfaction: string | null;
                  solved: boolean | null;
                } | null;
                receivedAt: string;
                text: string;
              };
              resolvedAt: string | null;
              status: string;
              statusLabel: string;
              timeline: {
                action: string;
                at: string;
                label: string;
                status: string | null;
                statusLabel: string | null;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/district': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 服务区域 — the district reports are filed into and the box a map point must lie in */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bbox: {
                maxLat: number;
                maxLon: number;
                minLat: number;
                minLon: number;
              } | null;
              code: string;
              name: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 市民自助提交 — file a report (JSON, or multipart with photo files); no login */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address?: string;
            /** @default false */
            anonymous?: boolean;
            categoryCode?: string;
            consent?: boolean;
            /** @default {} */
            contact?: {
              /** Format: email */
              email?: string;
              name?: string;
              phone?: string;
            };
            lat?: number;
            lon?: number;
            privacyNoticeVersion?: string;
            text: string;
          };
          'multipart/form-data': {
            address?: string;
            /** @default false */
            anonymous?: boolean;
            categoryCode?: string;
            consent?: boolean;
            /** @default {} */
            contact?: {
              /** Format: email */
              email?: string;
              name?: string;
              phone?: string;
            };
            lat?: number;
            lon?: number;
            privacyNoticeVersion?: string;
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              caseNumber: string;
              photos: number;
              receivedAt: string;
              status: string;
              statusLabel: string;
              trackingCode: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              caseNumber: string;
              photos: number;
              receivedAt: string;
              status: string;
              statusLabel: string;
              trackingCode: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/public/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 可反映的事项 — the categories a citizen can pick when filing a report; no login */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                group: {
                  code: string;
                  name: string;
                  nameEn: string | null;
                };
                name: string;
                nameEn: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 受理 — file a report; opens a case or joins one (并案) */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address?: string;
            areaCode?: string;
            areaUnitId?: number;
            /** @default false */
            autoDispatch?: boolean;
            categoryCode?: string;
            /** @enum {string} */
            channel:
              | 'hotline'
              | 'web'
              | 'app'
              | 'wechat'
              | 'grid'
              | 'api'
              | 'open311'
              | 'webhook'
              | 'email'
              | 'leader_board'
              | 'iot';
            externalId?: string;
            /**
             * @default request
             * @enum {string}
             */
            kind?: 'request' | 'consultation';
            lat?: number;
            lon?: number;
            mergeIntoCase?: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority?: 'normal' | 'urgent' | 'critical';
            /**
             * @default {
             *       "anonymous": false,
             *       "confidential": false
             *     }
             */
            reporter?: {
              /** @default false */
              anonymous?: boolean;
              /** @default false */
              confidential?: boolean;
              /** Format: email */
              email?: string;
              idNumber?: string;
              name?: string;
              phone?: string;
            };
            text: string;
            title?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
              duplicate: boolean;
              reportId: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                acceptedAt: string | null;
                actions: string[];
                address: string | null;
                areaUnitId: number | null;
                categoryId: number | null;
                channel: string;
                closedAt: string | null;
                contactedAt: string | null;
                counts: {
                  evaluations: number;
                  extensions: number;
                  reopens: number;
                  reports: number;
                  returns: number;
                  urges: number;
                };
                description: string;
                directAnswer: boolean;
                dispatchedAt: string | null;
                evaluatedAt: string | null;
                id: string;
                invalidReason: string | null;
                /** @enum {string} */
                kind: 'request' | 'consultation';
                lat: number | null;
                leadUnitId: number | null;
                lon: number | null;
                mergedInto: string | null;
                number: string;
                /** @enum {string} */
                priority: 'normal' | 'urgent' | 'critical';
                receivedAt: string | null;
                resolvedAt: string | null;
                resolvedInTime: boolean | null;
                resolveDueAt: string | null;
                resolveOverdue: boolean;
                respondedInTime: boolean | null;
                responseDueAt: string | null;
                responseOverdue: boolean;
                result: string | null;
                /** @enum {string} */
                status:
                  | 'received'
                  | 'dispatched'
                  | 'accepted'
                  | 'in_progress'
                  | 'returned'
                  | 'resolved'
                  | 'verified'
                  | 'evaluated'
                  | 'closed'
                  | 'invalid'
                  | 'merged';
                title: string | null;
                updatedAt: string;
                verifiedAt: string | null;
                version: number;
              };
              duplicate: boolean;
              reportId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users in your subtree */
    get: {
      parameters: {
        query?: {
          active?: 'true' | 'false';
          limit?: number;
          offset?: number;
          q?: string;
          role?:
            | 'citizen'
            | 'agent'
            | 'dispatcher'
            | 'handler'
            | 'grid_worker'
            | 'supervisor'
            | 'leader'
            | 'admin';
          unitId?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                createdAt: string;
                displayName: string;
                id: number;
                phone: string | null;
                /** @enum {string} */
                role:
                  | 'citizen'
                  | 'agent'
                  | 'dispatcher'
                  | 'handler'
                  | 'grid_worker'
                  | 'supervisor'
                  | 'leader'
                  | 'admin';
                unit: {
                  code: string;
                  id: number;
                  kind: string;
                  name: string;
                  path: string;
                  shortName: string | null;
                } | null;
                username: string;
              }[];
              total: number;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            password: string;
            phone?: string;
            /** @enum {string} */
            role:
              | 'citizen'
              | 'agent'
              | 'dispatcher'
              | 'handler'
              | 'grid_worker'
              | 'supervisor'
              | 'leader'
              | 'admin';
            unitId?: number;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              createdAt: string;
              displayName: string;
              id: number;
              phone: string | null;
              /** @enum {string} */
              role:
                | 'citizen'
                | 'agent'
                | 'dispatcher'
                | 'handler'
                | 'grid_worker'
                | 'supervisor'
                | 'leader'
                | 'admin';
              unit: {
                code: string;
                id: number;
                kind: string;
                name: string;
                path: string;
                shortName: string | null;
              } | null;
              username: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              createdAt: string;
              displayName: string;
              id: number;
              phone: string | null;
              /** @enum {string} */
              role:
                | 'citizen'
                | 'agent'
                | 'dispatcher'
                | 'handler'
                | 'grid_worker'
                | 'supervisor'
                | 'leader'
                | 'admin';
              unit: {
                code: string;
                id: number;
                kind: string;
                name: string;
                path: string;
                shortName: string | null;
              } | null;
              username: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change or deactivate a user */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            active?: boolean;
            displayName?: string;
            password?: string;
            phone?: string | null;
            /** @enum {string} */
            role?:
              | 'citizen'
              | 'agent'
              | 'dispatcher'
              | 'handler'
              | 'grid_worker'
              | 'supervisor'
              | 'leader'
              | 'admin';
            unitId?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              createdAt: string;
              displayName: string;
              id: number;
              phone: string | null;
              /** @enum {string} */
              role:
                | 'citizen'
                | 'agent'
                | 'dispatcher'
                | 'handler'
                | 'grid_worker'
                | 'supervisor'
                | 'leader'
                | 'admin';
              unit: {
                code: string;
                id: number;
                kind: string;
                name: string;
                path: string;
                shortName: string | null;
              } | null;
              username: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/open311/v2/discovery.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Discovery (json) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/discovery.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Discovery (xml) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/request/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One service request ({id}.xml or {id}.json) */
    get: {
      parameters: {
        query?: {
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
        };
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Service requests (json) */
    get: {
      parameters: {
        query?: {
          end_date?: string;
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
          page?: number;
          page_size?: number;
          service_code?: string;
          service_request_id?: string;
          start_date?: string;
          status?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    /** Create a service request (json); form-encoded or multipart with photo1…N */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Service requests (xml) */
    get: {
      parameters: {
        query?: {
          end_date?: string;
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
          page?: number;
          page_size?: number;
          service_code?: string;
          service_request_id?: string;
          start_date?: string;
          status?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    /** Create a service request (xml); form-encoded or multipart with photo1…N */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One service request ({id}.xml or {id}.json) */
    get: {
      parameters: {
        query?: {
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
        };
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/servicerequestupdates.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Updates on service requests, oldest first (FixMyStreet extension, json) */
    get: {
      parameters: {
        query?: {
          end_date?: string;
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
          page?: number;
          page_size?: number;
          start_date?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    /** Post a citizen's update on a request (FixMyStreet extension, json) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/servicerequestupdates.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Updates on service requests, oldest first (FixMyStreet extension, xml) */
    get: {
      parameters: {
        query?: {
          end_date?: string;
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
          page?: number;
          page_size?: number;
          start_date?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    /** Post a citizen's update on a request (FixMyStreet extension, xml) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Services (json) */
    get: {
      parameters: {
        query?: {
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Services (xml) */
    get: {
      parameters: {
        query?: {
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Service definition ({code}.xml or {code}.json) */
    get: {
      parameters: {
        query?: {
          /** @description accepted; must be this district if given */
          jurisdiction_id?: string;
        };
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/tokens/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Request id from a token (never issued here: 404) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    CategoryTreeNode: {
      active: boolean;
      attributes: {
        code: string;
        /** @enum {string} */
        datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
        datatype_description: string;
        description: string;
        order: number;
        required: boolean;
        values: {
          key: string;
          name: string;
        }[];
        variable: boolean;
      }[];
      children: components['schemas']['CategoryTreeNode'][];
      code: string;
      deadlines: {
        critical: {
          createdAt: string;
          createdBy: number | null;
          id: number;
          /** @enum {string} */
          priority: 'normal' | 'urgent' | 'critical';
          resolve: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          response: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          retiredAt: string | null;
        } | null;
        normal: {
          createdAt: string;
          createdBy: number | null;
          id: number;
          /** @enum {string} */
          priority: 'normal' | 'urgent' | 'critical';
          resolve: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          response: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          retiredAt: string | null;
        } | null;
        urgent: {
          createdAt: string;
          createdBy: number | null;
          id: number;
          /** @enum {string} */
          priority: 'normal' | 'urgent' | 'critical';
          resolve: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          response: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          retiredAt: string | null;
        } | null;
      } | null;
      id: number;
      isLeaf: boolean;
      /** @enum {string} */
      kind: 'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help';
      level: number;
      name: string;
      nameEn: string | null;
      parentCode: string | null;
    };
    CategoryTreeNodeInput: {
      active: boolean;
      attributes: {
        code: string;
        /** @enum {string} */
        datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
        datatype_description: string;
        description: string;
        order: number;
        required: boolean;
        values: {
          key: string;
          name: string;
        }[];
        variable: boolean;
      }[];
      children: components['schemas']['CategoryTreeNodeInput'][];
      code: string;
      deadlines: {
        critical: {
          createdAt: string;
          createdBy: number | null;
          id: number;
          /** @enum {string} */
          priority: 'normal' | 'urgent' | 'critical';
          resolve: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          response: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          retiredAt: string | null;
        } | null;
        normal: {
          createdAt: string;
          createdBy: number | null;
          id: number;
          /** @enum {string} */
          priority: 'normal' | 'urgent' | 'critical';
          resolve: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          response: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          retiredAt: string | null;
        } | null;
        urgent: {
          createdAt: string;
          createdBy: number | null;
          id: number;
          /** @enum {string} */
          priority: 'normal' | 'urgent' | 'critical';
          resolve: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          response: {
            amount: number;
            /** @enum {string} */
            unit: 'hours' | 'workdays';
          };
          retiredAt: string | null;
        } | null;
      } | null;
      id: number;
      isLeaf: boolean;
      /** @enum {string} */
      kind: 'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help';
      level: number;
      name: string;
      nameEn: string | null;
      parentCode: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
