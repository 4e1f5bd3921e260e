import { createRequire as __rollbackCreateRequire } from 'node:module';
const require = __rollbackCreateRequire(import.meta.url);
import {
  ServiceClient,
  createSerializer
} from "./chunk-GHRVQ22X.js";
import {
  isTokenCredential
} from "./chunk-72HSKYJ5.js";
import {
  AbortError,
  RestError,
  bearerTokenAuthenticationPolicy,
  createClientLogger,
  createTracingClient
} from "./chunk-RHQTSG7L.js";
import {
  __export
} from "./chunk-WTTBYOJK.js";

// node_modules/@azure/container-registry/dist/esm/logger.js
var logger = createClientLogger("container-registry");

// node_modules/@azure/container-registry/dist/esm/generated/models/mappers.js
var mappers_exports = {};
__export(mappers_exports, {
  AcrAccessToken: () => AcrAccessToken,
  AcrErrorInfo: () => AcrErrorInfo,
  AcrErrors: () => AcrErrors,
  AcrManifests: () => AcrManifests,
  AcrRefreshToken: () => AcrRefreshToken,
  Annotations: () => Annotations,
  ArtifactManifestPlatform: () => ArtifactManifestPlatform,
  ArtifactManifestProperties: () => ArtifactManifestProperties,
  ArtifactTagProperties: () => ArtifactTagProperties,
  ContainerRegistryBlobCheckBlobExistsHeaders: () => ContainerRegistryBlobCheckBlobExistsHeaders,
  ContainerRegistryBlobCheckChunkExistsHeaders: () => ContainerRegistryBlobCheckChunkExistsHeaders,
  ContainerRegistryBlobCompleteUploadHeaders: () => ContainerRegistryBlobCompleteUploadHeaders,
  ContainerRegistryBlobDeleteBlobHeaders: () => ContainerRegistryBlobDeleteBlobHeaders,
  ContainerRegistryBlobGetBlobHeaders: () => ContainerRegistryBlobGetBlobHeaders,
  ContainerRegistryBlobGetChunkHeaders: () => ContainerRegistryBlobGetChunkHeaders,
  ContainerRegistryBlobGetUploadStatusHeaders: () => ContainerRegistryBlobGetUploadStatusHeaders,
  ContainerRegistryBlobMountBlobHeaders: () => ContainerRegistryBlobMountBlobHeaders,
  ContainerRegistryBlobStartUploadHeaders: () => ContainerRegistryBlobStartUploadHeaders,
  ContainerRegistryBlobUploadChunkHeaders: () => ContainerRegistryBlobUploadChunkHeaders,
  ContainerRegistryCreateManifestHeaders: () => ContainerRegistryCreateManifestHeaders,
  ContainerRegistryGetManifestHeaders: () => ContainerRegistryGetManifestHeaders,
  ContainerRegistryGetManifestsHeaders: () => ContainerRegistryGetManifestsHeaders,
  ContainerRegistryGetManifestsNextHeaders: () => ContainerRegistryGetManifestsNextHeaders,
  ContainerRegistryGetRepositoriesHeaders: () => ContainerRegistryGetRepositoriesHeaders,
  ContainerRegistryGetRepositoriesNextHeaders: () => ContainerRegistryGetRepositoriesNextHeaders,
  ContainerRegistryGetTagsHeaders: () => ContainerRegistryGetTagsHeaders,
  ContainerRegistryGetTagsNextHeaders: () => ContainerRegistryGetTagsNextHeaders,
  ContainerRepositoryProperties: () => ContainerRepositoryProperties,
  DeleteRepositoryResult: () => DeleteRepositoryResult,
  Descriptor: () => Descriptor,
  FsLayer: () => FsLayer,
  History: () => History,
  ImageSignature: () => ImageSignature,
  JWKHeader: () => JWKHeader,
  Jwk: () => Jwk,
  Manifest: () => Manifest,
  ManifestAttributesBase: () => ManifestAttributesBase,
  ManifestAttributesManifest: () => ManifestAttributesManifest,
  ManifestList: () => ManifestList,
  ManifestListAttributes: () => ManifestListAttributes,
  ManifestWrapper: () => ManifestWrapper,
  ManifestWriteableProperties: () => ManifestWriteableProperties,
  OCIIndex: () => OCIIndex,
  OCIManifest: () => OCIManifest,
  Paths108HwamOauth2ExchangePostRequestbodyContentApplicationXWwwFormUrlencodedSchema: () => Paths108HwamOauth2ExchangePostRequestbodyContentApplicationXWwwFormUrlencodedSchema,
  PathsV3R3RxOauth2TokenPostRequestbodyContentApplicationXWwwFormUrlencodedSchema: () => PathsV3R3RxOauth2TokenPostRequestbodyContentApplicationXWwwFormUrlencodedSchema,
  Platform: () => Platform,
  Repositories: () => Repositories,
  RepositoryTags: () => RepositoryTags,
  RepositoryWriteableProperties: () => RepositoryWriteableProperties,
  TagAttributesBase: () => TagAttributesBase,
  TagAttributesTag: () => TagAttributesTag,
  TagList: () => TagList,
  TagWriteableProperties: () => TagWriteableProperties,
  V1Manifest: () => V1Manifest,
  V2Manifest: () => V2Manifest
});
var AcrErrors = {
  type: {
    name: "Composite",
    className: "AcrErrors",
    modelProperties: {
      errors: {
        serializedName: "errors",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "AcrErrorInfo"
            }
          }
        }
      }
    }
  }
};
var AcrErrorInfo = {
  type: {
    name: "Composite",
    className: "AcrErrorInfo",
    modelProperties: {
      code: {
        serializedName: "code",
        type: {
          name: "String"
        }
      },
      message: {
        serializedName: "message",
        type: {
          name: "String"
        }
      },
      detail: {
        serializedName: "detail",
        type: {
          name: "Dictionary",
          value: { type: { name: "any" } }
        }
      }
    }
  }
};
var Repositories = {
  type: {
    name: "Composite",
    className: "Repositories",
    modelProperties: {
      repositories: {
        serializedName: "repositories",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRepositoryProperties = {
  type: {
    name: "Composite",
    className: "ContainerRepositoryProperties",
    modelProperties: {
      registryLoginServer: {
        serializedName: "registry",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      name: {
        serializedName: "imageName",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      createdOn: {
        serializedName: "createdTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      lastUpdatedOn: {
        serializedName: "lastUpdateTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      manifestCount: {
        serializedName: "manifestCount",
        required: true,
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      tagCount: {
        serializedName: "tagCount",
        required: true,
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      canDelete: {
        serializedName: "changeableAttributes.deleteEnabled",
        type: {
          name: "Boolean"
        }
      },
      canWrite: {
        serializedName: "changeableAttributes.writeEnabled",
        type: {
          name: "Boolean"
        }
      },
      canList: {
        serializedName: "changeableAttributes.listEnabled",
        type: {
          name: "Boolean"
        }
      },
      canRead: {
        serializedName: "changeableAttributes.readEnabled",
        type: {
          name: "Boolean"
        }
      }
    }
  }
};
var RepositoryWriteableProperties = {
  type: {
    name: "Composite",
    className: "RepositoryWriteableProperties",
    modelProperties: {
      canDelete: {
        serializedName: "deleteEnabled",
        type: {
          name: "Boolean"
        }
      },
      canWrite: {
        serializedName: "writeEnabled",
        type: {
          name: "Boolean"
        }
      },
      canList: {
        serializedName: "listEnabled",
        type: {
          name: "Boolean"
        }
      },
      canRead: {
        serializedName: "readEnabled",
        type: {
          name: "Boolean"
        }
      }
    }
  }
};
var TagList = {
  type: {
    name: "Composite",
    className: "TagList",
    modelProperties: {
      registryLoginServer: {
        serializedName: "registry",
        required: true,
        type: {
          name: "String"
        }
      },
      repository: {
        serializedName: "imageName",
        required: true,
        type: {
          name: "String"
        }
      },
      tagAttributeBases: {
        serializedName: "tags",
        required: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "TagAttributesBase"
            }
          }
        }
      },
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var TagAttributesBase = {
  type: {
    name: "Composite",
    className: "TagAttributesBase",
    modelProperties: {
      name: {
        serializedName: "name",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      digest: {
        serializedName: "digest",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      createdOn: {
        serializedName: "createdTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      lastUpdatedOn: {
        serializedName: "lastUpdateTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      canDelete: {
        serializedName: "changeableAttributes.deleteEnabled",
        type: {
          name: "Boolean"
        }
      },
      canWrite: {
        serializedName: "changeableAttributes.writeEnabled",
        type: {
          name: "Boolean"
        }
      },
      canList: {
        serializedName: "changeableAttributes.listEnabled",
        type: {
          name: "Boolean"
        }
      },
      canRead: {
        serializedName: "changeableAttributes.readEnabled",
        type: {
          name: "Boolean"
        }
      }
    }
  }
};
var TagWriteableProperties = {
  type: {
    name: "Composite",
    className: "TagWriteableProperties",
    modelProperties: {
      canDelete: {
        serializedName: "deleteEnabled",
        type: {
          name: "Boolean"
        }
      },
      canWrite: {
        serializedName: "writeEnabled",
        type: {
          name: "Boolean"
        }
      },
      canList: {
        serializedName: "listEnabled",
        type: {
          name: "Boolean"
        }
      },
      canRead: {
        serializedName: "readEnabled",
        type: {
          name: "Boolean"
        }
      }
    }
  }
};
var ArtifactTagProperties = {
  type: {
    name: "Composite",
    className: "ArtifactTagProperties",
    modelProperties: {
      registryLoginServer: {
        serializedName: "registry",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      repositoryName: {
        serializedName: "imageName",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      name: {
        serializedName: "tag.name",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      digest: {
        serializedName: "tag.digest",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      createdOn: {
        serializedName: "tag.createdTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      lastUpdatedOn: {
        serializedName: "tag.lastUpdateTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      canDelete: {
        serializedName: "tag.changeableAttributes.deleteEnabled",
        type: {
          name: "Boolean"
        }
      },
      canWrite: {
        serializedName: "tag.changeableAttributes.writeEnabled",
        type: {
          name: "Boolean"
        }
      },
      canList: {
        serializedName: "tag.changeableAttributes.listEnabled",
        type: {
          name: "Boolean"
        }
      },
      canRead: {
        serializedName: "tag.changeableAttributes.readEnabled",
        type: {
          name: "Boolean"
        }
      }
    }
  }
};
var AcrManifests = {
  type: {
    name: "Composite",
    className: "AcrManifests",
    modelProperties: {
      registryLoginServer: {
        serializedName: "registry",
        type: {
          name: "String"
        }
      },
      repository: {
        serializedName: "imageName",
        type: {
          name: "String"
        }
      },
      manifests: {
        serializedName: "manifests",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ManifestAttributesBase"
            }
          }
        }
      },
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ManifestAttributesBase = {
  type: {
    name: "Composite",
    className: "ManifestAttributesBase",
    modelProperties: {
      digest: {
        serializedName: "digest",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      size: {
        serializedName: "imageSize",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      createdOn: {
        serializedName: "createdTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      lastUpdatedOn: {
        serializedName: "lastUpdateTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      architecture: {
        serializedName: "architecture",
        readOnly: true,
        nullable: true,
        type: {
          name: "String"
        }
      },
      operatingSystem: {
        serializedName: "os",
        readOnly: true,
        nullable: true,
        type: {
          name: "String"
        }
      },
      relatedArtifacts: {
        serializedName: "references",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ArtifactManifestPlatform"
            }
          }
        }
      },
      tags: {
        serializedName: "tags",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      canDelete: {
        serializedName: "changeableAttributes.deleteEnabled",
        type: {
          name: "Boolean"
        }
      },
      canWrite: {
        serializedName: "changeableAttributes.writeEnabled",
        type: {
          name: "Boolean"
        }
      },
      canList: {
        serializedName: "changeableAttributes.listEnabled",
        type: {
          name: "Boolean"
        }
      },
      canRead: {
        serializedName: "changeableAttributes.readEnabled",
        type: {
          name: "Boolean"
        }
      }
    }
  }
};
var ArtifactManifestPlatform = {
  type: {
    name: "Composite",
    className: "ArtifactManifestPlatform",
    modelProperties: {
      digest: {
        serializedName: "digest",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      architecture: {
        serializedName: "architecture",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      operatingSystem: {
        serializedName: "os",
        readOnly: true,
        type: {
          name: "String"
        }
      }
    }
  }
};
var ManifestWriteableProperties = {
  type: {
    name: "Composite",
    className: "ManifestWriteableProperties",
    modelProperties: {
      canDelete: {
        serializedName: "deleteEnabled",
        type: {
          name: "Boolean"
        }
      },
      canWrite: {
        serializedName: "writeEnabled",
        type: {
          name: "Boolean"
        }
      },
      canList: {
        serializedName: "listEnabled",
        type: {
          name: "Boolean"
        }
      },
      canRead: {
        serializedName: "readEnabled",
        type: {
          name: "Boolean"
        }
      }
    }
  }
};
var ArtifactManifestProperties = {
  type: {
    name: "Composite",
    className: "ArtifactManifestProperties",
    modelProperties: {
      registryLoginServer: {
        serializedName: "registry",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      repositoryName: {
        serializedName: "imageName",
        readOnly: true,
        type: {
          name: "String"
        }
      },
      digest: {
        serializedName: "manifest.digest",
        required: true,
        readOnly: true,
        type: {
          name: "String"
        }
      },
      size: {
        serializedName: "manifest.imageSize",
        readOnly: true,
        type: {
          name: "Number"
        }
      },
      createdOn: {
        serializedName: "manifest.createdTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      lastUpdatedOn: {
        serializedName: "manifest.lastUpdateTime",
        required: true,
        readOnly: true,
        type: {
          name: "DateTime"
        }
      },
      architecture: {
        serializedName: "manifest.architecture",
        readOnly: true,
        nullable: true,
        type: {
          name: "String"
        }
      },
      operatingSystem: {
        serializedName: "manifest.os",
        readOnly: true,
        nullable: true,
        type: {
          name: "String"
        }
      },
      relatedArtifacts: {
        serializedName: "manifest.references",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ArtifactManifestPlatform"
            }
          }
        }
      },
      tags: {
        serializedName: "manifest.tags",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      canDelete: {
        serializedName: "manifest.changeableAttributes.deleteEnabled",
        type: {
          name: "Boolean"
        }
      },
      canWrite: {
        serializedName: "manifest.changeableAttributes.writeEnabled",
        type: {
          name: "Boolean"
        }
      },
      canList: {
        serializedName: "manifest.changeableAttributes.listEnabled",
        type: {
          name: "Boolean"
        }
      },
      canRead: {
        serializedName: "manifest.changeableAttributes.readEnabled",
        type: {
          name: "Boolean"
        }
      }
    }
  }
};
var AcrRefreshToken = {
  type: {
    name: "Composite",
    className: "AcrRefreshToken",
    modelProperties: {
      refreshToken: {
        serializedName: "refresh_token",
        type: {
          name: "String"
        }
      }
    }
  }
};
var AcrAccessToken = {
  type: {
    name: "Composite",
    className: "AcrAccessToken",
    modelProperties: {
      accessToken: {
        serializedName: "access_token",
        type: {
          name: "String"
        }
      }
    }
  }
};
var RepositoryTags = {
  type: {
    name: "Composite",
    className: "RepositoryTags",
    modelProperties: {
      name: {
        serializedName: "name",
        type: {
          name: "String"
        }
      },
      tags: {
        serializedName: "tags",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      }
    }
  }
};
var ImageSignature = {
  type: {
    name: "Composite",
    className: "ImageSignature",
    modelProperties: {
      header: {
        serializedName: "header",
        type: {
          name: "Composite",
          className: "Jwk"
        }
      },
      signature: {
        serializedName: "signature",
        type: {
          name: "String"
        }
      },
      protected: {
        serializedName: "protected",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Jwk = {
  type: {
    name: "Composite",
    className: "Jwk",
    modelProperties: {
      jwk: {
        serializedName: "jwk",
        type: {
          name: "Composite",
          className: "JWKHeader"
        }
      },
      alg: {
        serializedName: "alg",
        type: {
          name: "String"
        }
      }
    }
  }
};
var JWKHeader = {
  type: {
    name: "Composite",
    className: "JWKHeader",
    modelProperties: {
      crv: {
        serializedName: "crv",
        type: {
          name: "String"
        }
      },
      kid: {
        serializedName: "kid",
        type: {
          name: "String"
        }
      },
      kty: {
        serializedName: "kty",
        type: {
          name: "String"
        }
      },
      x: {
        serializedName: "x",
        type: {
          name: "String"
        }
      },
      y: {
        serializedName: "y",
        type: {
          name: "String"
        }
      }
    }
  }
};
var History = {
  type: {
    name: "Composite",
    className: "History",
    modelProperties: {
      v1Compatibility: {
        serializedName: "v1Compatibility",
        type: {
          name: "String"
        }
      }
    }
  }
};
var DeleteRepositoryResult = {
  type: {
    name: "Composite",
    className: "DeleteRepositoryResult",
    modelProperties: {
      deletedManifests: {
        serializedName: "manifestsDeleted",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      deletedTags: {
        serializedName: "tagsDeleted",
        readOnly: true,
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      }
    }
  }
};
var FsLayer = {
  type: {
    name: "Composite",
    className: "FsLayer",
    modelProperties: {
      blobSum: {
        serializedName: "blobSum",
        type: {
          name: "String"
        }
      }
    }
  }
};
var Descriptor = {
  type: {
    name: "Composite",
    className: "Descriptor",
    modelProperties: {
      mediaType: {
        serializedName: "mediaType",
        type: {
          name: "String"
        }
      },
      size: {
        serializedName: "size",
        type: {
          name: "Number"
        }
      },
      digest: {
        serializedName: "digest",
        type: {
          name: "String"
        }
      },
      urls: {
        serializedName: "urls",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      annotations: {
        serializedName: "annotations",
        type: {
          name: "Composite",
          className: "Annotations"
        }
      }
    }
  }
};
var Annotations = {
  type: {
    name: "Composite",
    className: "Annotations",
    additionalProperties: { type: { name: "Object" } },
    modelProperties: {
      created: {
        serializedName: "org\\.opencontainers\\.image\\.created",
        type: {
          name: "DateTime"
        }
      },
      authors: {
        serializedName: "org\\.opencontainers\\.image\\.authors",
        type: {
          name: "String"
        }
      },
      url: {
        serializedName: "org\\.opencontainers\\.image\\.url",
        type: {
          name: "String"
        }
      },
      documentation: {
        serializedName: "org\\.opencontainers\\.image\\.documentation",
        type: {
          name: "String"
        }
      },
      source: {
        serializedName: "org\\.opencontainers\\.image\\.source",
        type: {
          name: "String"
        }
      },
      version: {
        serializedName: "org\\.opencontainers\\.image\\.version",
        type: {
          name: "String"
        }
      },
      revision: {
        serializedName: "org\\.opencontainers\\.image\\.revision",
        type: {
          name: "String"
        }
      },
      vendor: {
        serializedName: "org\\.opencontainers\\.image\\.vendor",
        type: {
          name: "String"
        }
      },
      licenses: {
        serializedName: "org\\.opencontainers\\.image\\.licenses",
        type: {
          name: "String"
        }
      },
      name: {
        serializedName: "org\\.opencontainers\\.image\\.ref.name",
        type: {
          name: "String"
        }
      },
      title: {
        serializedName: "org\\.opencontainers\\.image\\.title",
        type: {
          name: "String"
        }
      },
      description: {
        serializedName: "org\\.opencontainers\\.image\\.description",
        type: {
          name: "String"
        }
      }
    }
  }
};
var TagAttributesTag = {
  type: {
    name: "Composite",
    className: "TagAttributesTag",
    modelProperties: {
      signatureRecord: {
        serializedName: "signatureRecord",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ManifestAttributesManifest = {
  type: {
    name: "Composite",
    className: "ManifestAttributesManifest",
    modelProperties: {
      references: {
        serializedName: "references",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ArtifactManifestPlatform"
            }
          }
        }
      }
    }
  }
};
var Manifest = {
  type: {
    name: "Composite",
    className: "Manifest",
    modelProperties: {
      schemaVersion: {
        serializedName: "schemaVersion",
        type: {
          name: "Number"
        }
      }
    }
  }
};
var ManifestListAttributes = {
  type: {
    name: "Composite",
    className: "ManifestListAttributes",
    modelProperties: {
      mediaType: {
        serializedName: "mediaType",
        type: {
          name: "String"
        }
      },
      size: {
        serializedName: "size",
        type: {
          name: "Number"
        }
      },
      digest: {
        serializedName: "digest",
        type: {
          name: "String"
        }
      },
      platform: {
        serializedName: "platform",
        type: {
          name: "Composite",
          className: "Platform"
        }
      }
    }
  }
};
var Platform = {
  type: {
    name: "Composite",
    className: "Platform",
    modelProperties: {
      architecture: {
        serializedName: "architecture",
        type: {
          name: "String"
        }
      },
      os: {
        serializedName: "os",
        type: {
          name: "String"
        }
      },
      osVersion: {
        serializedName: "os\\.version",
        type: {
          name: "String"
        }
      },
      osFeatures: {
        serializedName: "os\\.features",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      },
      variant: {
        serializedName: "variant",
        type: {
          name: "String"
        }
      },
      features: {
        serializedName: "features",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "String"
            }
          }
        }
      }
    }
  }
};
var OCIManifest = {
  serializedName: "application/vnd.oci.image.manifest.v1+json",
  type: {
    name: "Composite",
    className: "OCIManifest",
    modelProperties: {
      config: {
        serializedName: "config",
        type: {
          name: "Composite",
          className: "Descriptor"
        }
      },
      layers: {
        serializedName: "layers",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Descriptor"
            }
          }
        }
      },
      annotations: {
        serializedName: "annotations",
        type: {
          name: "Composite",
          className: "Annotations"
        }
      },
      schemaVersion: {
        serializedName: "schemaVersion",
        type: {
          name: "Number"
        }
      }
    }
  }
};
var Paths108HwamOauth2ExchangePostRequestbodyContentApplicationXWwwFormUrlencodedSchema = {
  type: {
    name: "Composite",
    className: "Paths108HwamOauth2ExchangePostRequestbodyContentApplicationXWwwFormUrlencodedSchema",
    modelProperties: {
      grantType: {
        serializedName: "grant_type",
        required: true,
        type: {
          name: "String"
        }
      },
      service: {
        serializedName: "service",
        required: true,
        type: {
          name: "String"
        }
      },
      tenant: {
        serializedName: "tenant",
        type: {
          name: "String"
        }
      },
      refreshToken: {
        serializedName: "refresh_token",
        type: {
          name: "String"
        }
      },
      aadAccessToken: {
        serializedName: "access_token",
        type: {
          name: "String"
        }
      }
    }
  }
};
var PathsV3R3RxOauth2TokenPostRequestbodyContentApplicationXWwwFormUrlencodedSchema = {
  type: {
    name: "Composite",
    className: "PathsV3R3RxOauth2TokenPostRequestbodyContentApplicationXWwwFormUrlencodedSchema",
    modelProperties: {
      service: {
        serializedName: "service",
        required: true,
        type: {
          name: "String"
        }
      },
      scope: {
        serializedName: "scope",
        required: true,
        type: {
          name: "String"
        }
      },
      acrRefreshToken: {
        serializedName: "refresh_token",
        required: true,
        type: {
          name: "String"
        }
      },
      grantType: {
        serializedName: "grant_type",
        required: true,
        type: {
          name: "Enum",
          allowedValues: ["refresh_token", "password"]
        }
      }
    }
  }
};
var ManifestWrapper = {
  type: {
    name: "Composite",
    className: "ManifestWrapper",
    modelProperties: {
      ...Manifest.type.modelProperties,
      mediaType: {
        serializedName: "mediaType",
        type: {
          name: "String"
        }
      },
      manifests: {
        serializedName: "manifests",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ManifestListAttributes"
            }
          }
        }
      },
      config: {
        serializedName: "config",
        type: {
          name: "Composite",
          className: "Descriptor"
        }
      },
      layers: {
        serializedName: "layers",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Descriptor"
            }
          }
        }
      },
      annotations: {
        serializedName: "annotations",
        type: {
          name: "Composite",
          className: "Annotations"
        }
      },
      architecture: {
        serializedName: "architecture",
        type: {
          name: "String"
        }
      },
      name: {
        serializedName: "name",
        type: {
          name: "String"
        }
      },
      tag: {
        serializedName: "tag",
        type: {
          name: "String"
        }
      },
      fsLayers: {
        serializedName: "fsLayers",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "FsLayer"
            }
          }
        }
      },
      history: {
        serializedName: "history",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "History"
            }
          }
        }
      },
      signatures: {
        serializedName: "signatures",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ImageSignature"
            }
          }
        }
      }
    }
  }
};
var ManifestList = {
  serializedName: "application/vnd.docker.distribution.manifest.list.v2+json",
  type: {
    name: "Composite",
    className: "ManifestList",
    modelProperties: {
      ...Manifest.type.modelProperties,
      mediaType: {
        serializedName: "mediaType",
        type: {
          name: "String"
        }
      },
      manifests: {
        serializedName: "manifests",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ManifestListAttributes"
            }
          }
        }
      }
    }
  }
};
var V2Manifest = {
  serializedName: "application/vnd.docker.distribution.manifest.v2+json",
  type: {
    name: "Composite",
    className: "V2Manifest",
    modelProperties: {
      ...Manifest.type.modelProperties,
      mediaType: {
        serializedName: "mediaType",
        type: {
          name: "String"
        }
      },
      config: {
        serializedName: "config",
        type: {
          name: "Composite",
          className: "Descriptor"
        }
      },
      layers: {
        serializedName: "layers",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "Descriptor"
            }
          }
        }
      }
    }
  }
};
var OCIIndex = {
  serializedName: "application/vnd.oci.image.index.v1+json",
  type: {
    name: "Composite",
    className: "OCIIndex",
    modelProperties: {
      ...Manifest.type.modelProperties,
      manifests: {
        serializedName: "manifests",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ManifestListAttributes"
            }
          }
        }
      },
      annotations: {
        serializedName: "annotations",
        type: {
          name: "Composite",
          className: "Annotations"
        }
      }
    }
  }
};
var V1Manifest = {
  serializedName: "application/vnd.oci.image.manifest.v1+json",
  type: {
    name: "Composite",
    className: "V1Manifest",
    modelProperties: {
      ...Manifest.type.modelProperties,
      architecture: {
        serializedName: "architecture",
        type: {
          name: "String"
        }
      },
      name: {
        serializedName: "name",
        type: {
          name: "String"
        }
      },
      tag: {
        serializedName: "tag",
        type: {
          name: "String"
        }
      },
      fsLayers: {
        serializedName: "fsLayers",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "FsLayer"
            }
          }
        }
      },
      history: {
        serializedName: "history",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "History"
            }
          }
        }
      },
      signatures: {
        serializedName: "signatures",
        type: {
          name: "Sequence",
          element: {
            type: {
              name: "Composite",
              className: "ImageSignature"
            }
          }
        }
      }
    }
  }
};
var ContainerRegistryGetManifestHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryGetManifestHeaders",
    modelProperties: {
      dockerContentDigest: {
        serializedName: "docker-content-digest",
        type: {
          name: "String"
        }
      },
      mediaType: {
        serializedName: "content-type",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryCreateManifestHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryCreateManifestHeaders",
    modelProperties: {
      dockerContentDigest: {
        serializedName: "docker-content-digest",
        type: {
          name: "String"
        }
      },
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      contentLength: {
        serializedName: "content-length",
        type: {
          name: "Number"
        }
      }
    }
  }
};
var ContainerRegistryGetRepositoriesHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryGetRepositoriesHeaders",
    modelProperties: {
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryGetTagsHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryGetTagsHeaders",
    modelProperties: {
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryGetManifestsHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryGetManifestsHeaders",
    modelProperties: {
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryGetRepositoriesNextHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryGetRepositoriesNextHeaders",
    modelProperties: {
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryGetTagsNextHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryGetTagsNextHeaders",
    modelProperties: {
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryGetManifestsNextHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryGetManifestsNextHeaders",
    modelProperties: {
      link: {
        serializedName: "link",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobGetBlobHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobGetBlobHeaders",
    modelProperties: {
      contentLength: {
        serializedName: "content-length",
        type: {
          name: "Number"
        }
      },
      dockerContentDigest: {
        serializedName: "docker-content-digest",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobCheckBlobExistsHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobCheckBlobExistsHeaders",
    modelProperties: {
      contentLength: {
        serializedName: "content-length",
        type: {
          name: "Number"
        }
      },
      dockerContentDigest: {
        serializedName: "docker-content-digest",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobDeleteBlobHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobDeleteBlobHeaders",
    modelProperties: {
      dockerContentDigest: {
        serializedName: "docker-content-digest",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobMountBlobHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobMountBlobHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      dockerUploadUuid: {
        serializedName: "docker-upload-uuid",
        type: {
          name: "String"
        }
      },
      dockerContentDigest: {
        serializedName: "docker-content-digest",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobGetUploadStatusHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobGetUploadStatusHeaders",
    modelProperties: {
      range: {
        serializedName: "range",
        type: {
          name: "String"
        }
      },
      dockerUploadUuid: {
        serializedName: "docker-upload-uuid",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobUploadChunkHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobUploadChunkHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      range: {
        serializedName: "range",
        type: {
          name: "String"
        }
      },
      dockerUploadUuid: {
        serializedName: "docker-upload-uuid",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobCompleteUploadHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobCompleteUploadHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      range: {
        serializedName: "range",
        type: {
          name: "String"
        }
      },
      dockerContentDigest: {
        serializedName: "docker-content-digest",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobStartUploadHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobStartUploadHeaders",
    modelProperties: {
      location: {
        serializedName: "location",
        type: {
          name: "String"
        }
      },
      range: {
        serializedName: "range",
        type: {
          name: "String"
        }
      },
      dockerUploadUuid: {
        serializedName: "docker-upload-uuid",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobGetChunkHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobGetChunkHeaders",
    modelProperties: {
      contentLength: {
        serializedName: "content-length",
        type: {
          name: "Number"
        }
      },
      contentRange: {
        serializedName: "content-range",
        type: {
          name: "String"
        }
      }
    }
  }
};
var ContainerRegistryBlobCheckChunkExistsHeaders = {
  type: {
    name: "Composite",
    className: "ContainerRegistryBlobCheckChunkExistsHeaders",
    modelProperties: {
      contentLength: {
        serializedName: "content-length",
        type: {
          name: "Number"
        }
      },
      contentRange: {
        serializedName: "content-range",
        type: {
          name: "String"
        }
      }
    }
  }
};

// node_modules/@azure/container-registry/dist/esm/generated/models/parameters.js
var accept = {
  parameterPath: "accept",
  mapper: {
    defaultValue: "application/json",
    isConstant: true,
    serializedName: "Accept",
    type: {
      name: "String"
    }
  }
};
var url = {
  parameterPath: "url",
  mapper: {
    serializedName: "url",
    required: true,
    type: {
      name: "String"
    }
  },
  skipEncoding: true
};
var name = {
  parameterPath: "name",
  mapper: {
    serializedName: "name",
    required: true,
    type: {
      name: "String"
    }
  }
};
var reference = {
  parameterPath: "reference",
  mapper: {
    serializedName: "reference",
    required: true,
    type: {
      name: "String"
    }
  }
};
var accept1 = {
  parameterPath: ["options", "accept"],
  mapper: {
    serializedName: "accept",
    type: {
      name: "String"
    }
  }
};
var payload = {
  parameterPath: "payload",
  mapper: {
    serializedName: "payload",
    required: true,
    type: {
      name: "Stream"
    }
  }
};
var accept2 = {
  parameterPath: "accept",
  mapper: {
    defaultValue: "application/json",
    isConstant: true,
    serializedName: "Accept",
    type: {
      name: "String"
    }
  }
};
var contentType = {
  parameterPath: ["options", "contentType"],
  mapper: {
    serializedName: "Content-Type",
    type: {
      name: "String"
    }
  }
};
var last = {
  parameterPath: ["options", "last"],
  mapper: {
    serializedName: "last",
    type: {
      name: "String"
    }
  }
};
var n = {
  parameterPath: ["options", "n"],
  mapper: {
    serializedName: "n",
    type: {
      name: "Number"
    }
  }
};
var apiVersion = {
  parameterPath: "apiVersion",
  mapper: {
    serializedName: "api-version",
    required: true,
    type: {
      name: "String"
    }
  }
};
var contentType1 = {
  parameterPath: ["options", "contentType"],
  mapper: {
    defaultValue: "application/json",
    isConstant: true,
    serializedName: "Content-Type",
    type: {
      name: "String"
    }
  }
};
var value = {
  parameterPath: ["options", "value"],
  mapper: RepositoryWriteableProperties
};
var orderby = {
  parameterPath: ["options", "orderby"],
  mapper: {
    serializedName: "orderby",
    type: {
      name: "String"
    }
  }
};
var digest = {
  parameterPath: ["options", "digest"],
  mapper: {
    serializedName: "digest",
    type: {
      name: "String"
    }
  }
};
var value1 = {
  parameterPath: ["options", "value"],
  mapper: TagWriteableProperties
};
var digest1 = {
  parameterPath: "digest",
  mapper: {
    serializedName: "digest",
    required: true,
    type: {
      name: "String"
    }
  }
};
var value2 = {
  parameterPath: ["options", "value"],
  mapper: ManifestWriteableProperties
};
var nextLink = {
  parameterPath: "nextLink",
  mapper: {
    serializedName: "nextLink",
    required: true,
    type: {
      name: "String"
    }
  },
  skipEncoding: true
};
var accept3 = {
  parameterPath: "accept",
  mapper: {
    defaultValue: "application/octet-stream",
    isConstant: true,
    serializedName: "Accept",
    type: {
      name: "String"
    }
  }
};
var fromParam = {
  parameterPath: "fromParam",
  mapper: {
    serializedName: "from",
    required: true,
    type: {
      name: "String"
    }
  }
};
var mount = {
  parameterPath: "mount",
  mapper: {
    serializedName: "mount",
    required: true,
    type: {
      name: "String"
    }
  }
};
var nextLink1 = {
  parameterPath: "nextLink",
  mapper: {
    serializedName: "nextBlobUuidLink",
    required: true,
    type: {
      name: "String"
    }
  },
  skipEncoding: true
};
var contentType2 = {
  parameterPath: ["options", "contentType"],
  mapper: {
    defaultValue: "application/octet-stream",
    isConstant: true,
    serializedName: "Content-Type",
    type: {
      name: "String"
    }
  }
};
var value3 = {
  parameterPath: "value",
  mapper: {
    serializedName: "value",
    required: true,
    type: {
      name: "Stream"
    }
  }
};
var value4 = {
  parameterPath: ["options", "value"],
  mapper: {
    serializedName: "value",
    type: {
      name: "Stream"
    }
  }
};
var digest2 = {
  parameterPath: "digest",
  mapper: {
    serializedName: "digest",
    required: true,
    type: {
      name: "String"
    }
  }
};
var range = {
  parameterPath: "range",
  mapper: {
    serializedName: "Range",
    required: true,
    type: {
      name: "String"
    }
  }
};
var contentType3 = {
  parameterPath: ["options", "contentType"],
  mapper: {
    defaultValue: "application/x-www-form-urlencoded",
    isConstant: true,
    serializedName: "Content-Type",
    type: {
      name: "String"
    }
  }
};
var grantType = {
  parameterPath: "grantType",
  mapper: {
    serializedName: "grant_type",
    required: true,
    type: {
      name: "String"
    }
  }
};
var service = {
  parameterPath: "service",
  mapper: {
    serializedName: "service",
    required: true,
    type: {
      name: "String"
    }
  }
};
var tenant = {
  parameterPath: ["options", "tenant"],
  mapper: {
    serializedName: "tenant",
    type: {
      name: "String"
    }
  }
};
var refreshToken = {
  parameterPath: ["options", "refreshToken"],
  mapper: {
    serializedName: "refresh_token",
    type: {
      name: "String"
    }
  }
};
var accessToken = {
  parameterPath: ["options", "accessToken"],
  mapper: {
    serializedName: "access_token",
    type: {
      name: "String"
    }
  }
};
var accept4 = {
  parameterPath: "accept",
  mapper: {
    defaultValue: "application/json",
    isConstant: true,
    serializedName: "Accept",
    type: {
      name: "String"
    }
  }
};
var scope = {
  parameterPath: "scope",
  mapper: {
    serializedName: "scope",
    required: true,
    type: {
      name: "String"
    }
  }
};
var refreshToken1 = {
  parameterPath: "refreshToken",
  mapper: {
    serializedName: "refresh_token",
    required: true,
    type: {
      name: "String"
    }
  }
};
var grantType1 = {
  parameterPath: "grantType",
  mapper: {
    serializedName: "grant_type",
    required: true,
    type: {
      name: "Enum",
      allowedValues: ["refresh_token", "password"]
    }
  }
};

// node_modules/@azure/container-registry/dist/esm/generated/operations/containerRegistry.js
var ContainerRegistryImpl = class {
  client;
  /**
   * Initialize a new instance of the class ContainerRegistry class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Tells whether this Docker Registry instance supports Docker Registry HTTP API v2
   * @param options The options parameters.
   */
  checkDockerV2Support(options) {
    return this.client.sendOperationRequest(
      { options },
      checkDockerV2SupportOperationSpec
    );
  }
  /**
   * Get the manifest identified by `name` and `reference` where `reference` can be a tag or digest.
   * @param name Name of the image (including the namespace)
   * @param reference A tag or a digest, pointing to a specific image
   * @param options The options parameters.
   */
  getManifest(name2, reference2, options) {
    return this.client.sendOperationRequest(
      { name: name2, reference: reference2, options },
      getManifestOperationSpec
    );
  }
  /**
   * Put the manifest identified by `name` and `reference` where `reference` can be a tag or digest.
   * @param name Name of the image (including the namespace)
   * @param reference A tag or a digest, pointing to a specific image
   * @param payload Manifest body, can take v1 or v2 values depending on accept header
   * @param options The options parameters.
   */
  createManifest(name2, reference2, payload2, options) {
    return this.client.sendOperationRequest(
      { name: name2, reference: reference2, payload: payload2, options },
      createManifestOperationSpec
    );
  }
  /**
   * Delete the manifest identified by `name` and `reference`. Note that a manifest can _only_ be deleted
   * by `digest`.
   * @param name Name of the image (including the namespace)
   * @param reference Digest of a BLOB
   * @param options The options parameters.
   */
  deleteManifest(name2, reference2, options) {
    return this.client.sendOperationRequest(
      { name: name2, reference: reference2, options },
      deleteManifestOperationSpec
    );
  }
  /**
   * List repositories
   * @param options The options parameters.
   */
  getRepositories(options) {
    return this.client.sendOperationRequest(
      { options },
      getRepositoriesOperationSpec
    );
  }
  /**
   * Get repository attributes
   * @param name Name of the image (including the namespace)
   * @param options The options parameters.
   */
  getProperties(name2, options) {
    return this.client.sendOperationRequest(
      { name: name2, options },
      getPropertiesOperationSpec
    );
  }
  /**
   * Delete the repository identified by `name`
   * @param name Name of the image (including the namespace)
   * @param options The options parameters.
   */
  deleteRepository(name2, options) {
    return this.client.sendOperationRequest(
      { name: name2, options },
      deleteRepositoryOperationSpec
    );
  }
  /**
   * Update the attribute identified by `name` where `reference` is the name of the repository.
   * @param name Name of the image (including the namespace)
   * @param options The options parameters.
   */
  updateProperties(name2, options) {
    return this.client.sendOperationRequest(
      { name: name2, options },
      updatePropertiesOperationSpec
    );
  }
  /**
   * List tags of a repository
   * @param name Name of the image (including the namespace)
   * @param options The options parameters.
   */
  getTags(name2, options) {
    return this.client.sendOperationRequest(
      { name: name2, options },
      getTagsOperationSpec
    );
  }
  /**
   * Get tag attributes by tag
   * @param name Name of the image (including the namespace)
   * @param reference Tag name
   * @param options The options parameters.
   */
  getTagProperties(name2, reference2, options) {
    return this.client.sendOperationRequest(
      { name: name2, reference: reference2, options },
      getTagPropertiesOperationSpec
    );
  }
  /**
   * Update tag attributes
   * @param name Name of the image (including the namespace)
   * @param reference Tag name
   * @param options The options parameters.
   */
  updateTagAttributes(name2, reference2, options) {
    return this.client.sendOperationRequest(
      { name: name2, reference: reference2, options },
      updateTagAttributesOperationSpec
    );
  }
  /**
   * Delete tag
   * @param name Name of the image (including the namespace)
   * @param reference Tag name
   * @param options The options parameters.
   */
  deleteTag(name2, reference2, options) {
    return this.client.sendOperationRequest(
      { name: name2, reference: reference2, options },
      deleteTagOperationSpec
    );
  }
  /**
   * List manifests of a repository
   * @param name Name of the image (including the namespace)
   * @param options The options parameters.
   */
  getManifests(name2, options) {
    return this.client.sendOperationRequest(
      { name: name2, options },
      getManifestsOperationSpec
    );
  }
  /**
   * Get manifest attributes
   * @param name Name of the image (including the namespace)
   * @param digest Digest of a BLOB
   * @param options The options parameters.
   */
  getManifestProperties(name2, digest3, options) {
    return this.client.sendOperationRequest(
      { name: name2, digest: digest3, options },
      getManifestPropertiesOperationSpec
    );
  }
  /**
   * Update properties of a manifest
   * @param name Name of the image (including the namespace)
   * @param digest Digest of a BLOB
   * @param options The options parameters.
   */
  updateManifestProperties(name2, digest3, options) {
    return this.client.sendOperationRequest(
      { name: name2, digest: digest3, options },
      updateManifestPropertiesOperationSpec
    );
  }
  /**
   * GetRepositoriesNext
   * @param nextLink The nextLink from the previous successful call to the GetRepositories method.
   * @param options The options parameters.
   */
  getRepositoriesNext(nextLink2, options) {
    return this.client.sendOperationRequest(
      { nextLink: nextLink2, options },
      getRepositoriesNextOperationSpec
    );
  }
  /**
   * GetTagsNext
   * @param name Name of the image (including the namespace)
   * @param nextLink The nextLink from the previous successful call to the GetTags method.
   * @param options The options parameters.
   */
  getTagsNext(name2, nextLink2, options) {
    return this.client.sendOperationRequest(
      { name: name2, nextLink: nextLink2, options },
      getTagsNextOperationSpec
    );
  }
  /**
   * GetManifestsNext
   * @param name Name of the image (including the namespace)
   * @param nextLink The nextLink from the previous successful call to the GetManifests method.
   * @param options The options parameters.
   */
  getManifestsNext(name2, nextLink2, options) {
    return this.client.sendOperationRequest(
      { name: name2, nextLink: nextLink2, options },
      getManifestsNextOperationSpec
    );
  }
};
var serializer = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var checkDockerV2SupportOperationSpec = {
  path: "/v2/",
  httpMethod: "GET",
  responses: {
    200: {},
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url],
  headerParameters: [accept],
  serializer
};
var getManifestOperationSpec = {
  path: "/v2/{name}/manifests/{reference}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: {
        type: { name: "Stream" },
        serializedName: "parsedResponse"
      },
      headersMapper: ContainerRegistryGetManifestHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, name, reference],
  headerParameters: [accept, accept1],
  serializer
};
var createManifestOperationSpec = {
  path: "/v2/{name}/manifests/{reference}",
  httpMethod: "PUT",
  responses: {
    201: {
      headersMapper: ContainerRegistryCreateManifestHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  requestBody: payload,
  urlParameters: [url, name, reference],
  headerParameters: [accept2, contentType],
  mediaType: "binary",
  serializer
};
var deleteManifestOperationSpec = {
  path: "/v2/{name}/manifests/{reference}",
  httpMethod: "DELETE",
  responses: {
    202: {},
    404: {},
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, name, reference],
  headerParameters: [accept],
  serializer
};
var getRepositoriesOperationSpec = {
  path: "/acr/v1/_catalog",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: Repositories,
      headersMapper: ContainerRegistryGetRepositoriesHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [last, n, apiVersion],
  urlParameters: [url],
  headerParameters: [accept],
  serializer
};
var getPropertiesOperationSpec = {
  path: "/acr/v1/{name}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ContainerRepositoryProperties
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [url, name],
  headerParameters: [accept],
  serializer
};
var deleteRepositoryOperationSpec = {
  path: "/acr/v1/{name}",
  httpMethod: "DELETE",
  responses: {
    202: {},
    404: {},
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [url, name],
  headerParameters: [accept],
  serializer
};
var updatePropertiesOperationSpec = {
  path: "/acr/v1/{name}",
  httpMethod: "PATCH",
  responses: {
    200: {
      bodyMapper: ContainerRepositoryProperties
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  requestBody: value,
  queryParameters: [apiVersion],
  urlParameters: [url, name],
  headerParameters: [accept, contentType1],
  mediaType: "json",
  serializer
};
var getTagsOperationSpec = {
  path: "/acr/v1/{name}/_tags",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: TagList,
      headersMapper: ContainerRegistryGetTagsHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [
    last,
    n,
    apiVersion,
    orderby,
    digest
  ],
  urlParameters: [url, name],
  headerParameters: [accept],
  serializer
};
var getTagPropertiesOperationSpec = {
  path: "/acr/v1/{name}/_tags/{reference}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ArtifactTagProperties
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [url, name, reference],
  headerParameters: [accept],
  serializer
};
var updateTagAttributesOperationSpec = {
  path: "/acr/v1/{name}/_tags/{reference}",
  httpMethod: "PATCH",
  responses: {
    200: {
      bodyMapper: ArtifactTagProperties
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  requestBody: value1,
  queryParameters: [apiVersion],
  urlParameters: [url, name, reference],
  headerParameters: [accept, contentType1],
  mediaType: "json",
  serializer
};
var deleteTagOperationSpec = {
  path: "/acr/v1/{name}/_tags/{reference}",
  httpMethod: "DELETE",
  responses: {
    202: {},
    404: {},
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [url, name, reference],
  headerParameters: [accept],
  serializer
};
var getManifestsOperationSpec = {
  path: "/acr/v1/{name}/_manifests",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: AcrManifests,
      headersMapper: ContainerRegistryGetManifestsHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [
    last,
    n,
    apiVersion,
    orderby
  ],
  urlParameters: [url, name],
  headerParameters: [accept],
  serializer
};
var getManifestPropertiesOperationSpec = {
  path: "/acr/v1/{name}/_manifests/{digest}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: ArtifactManifestProperties
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [apiVersion],
  urlParameters: [url, name, digest1],
  headerParameters: [accept],
  serializer
};
var updateManifestPropertiesOperationSpec = {
  path: "/acr/v1/{name}/_manifests/{digest}",
  httpMethod: "PATCH",
  responses: {
    200: {
      bodyMapper: ArtifactManifestProperties
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  requestBody: value2,
  queryParameters: [apiVersion],
  urlParameters: [url, name, digest1],
  headerParameters: [accept, contentType1],
  mediaType: "json",
  serializer
};
var getRepositoriesNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: Repositories,
      headersMapper: ContainerRegistryGetRepositoriesNextHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, nextLink],
  headerParameters: [accept],
  serializer
};
var getTagsNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: TagList,
      headersMapper: ContainerRegistryGetTagsNextHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, name, nextLink],
  headerParameters: [accept],
  serializer
};
var getManifestsNextOperationSpec = {
  path: "{nextLink}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: AcrManifests,
      headersMapper: ContainerRegistryGetManifestsNextHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, name, nextLink],
  headerParameters: [accept],
  serializer
};

// node_modules/@azure/container-registry/dist/esm/generated/operations/containerRegistryBlob.js
var ContainerRegistryBlobImpl = class {
  client;
  /**
   * Initialize a new instance of the class ContainerRegistryBlob class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Retrieve the blob from the registry identified by digest.
   * @param name Name of the image (including the namespace)
   * @param digest Digest of a BLOB
   * @param options The options parameters.
   */
  getBlob(name2, digest3, options) {
    return this.client.sendOperationRequest(
      { name: name2, digest: digest3, options },
      getBlobOperationSpec
    );
  }
  /**
   * Same as GET, except only the headers are returned.
   * @param name Name of the image (including the namespace)
   * @param digest Digest of a BLOB
   * @param options The options parameters.
   */
  checkBlobExists(name2, digest3, options) {
    return this.client.sendOperationRequest(
      { name: name2, digest: digest3, options },
      checkBlobExistsOperationSpec
    );
  }
  /**
   * Removes an already uploaded blob.
   * @param name Name of the image (including the namespace)
   * @param digest Digest of a BLOB
   * @param options The options parameters.
   */
  deleteBlob(name2, digest3, options) {
    return this.client.sendOperationRequest(
      { name: name2, digest: digest3, options },
      deleteBlobOperationSpec
    );
  }
  /**
   * Mount a blob identified by the `mount` parameter from another repository.
   * @param name Name of the image (including the namespace)
   * @param fromParam Name of the source repository.
   * @param mount Digest of blob to mount from the source repository.
   * @param options The options parameters.
   */
  mountBlob(name2, fromParam2, mount2, options) {
    return this.client.sendOperationRequest(
      { name: name2, fromParam: fromParam2, mount: mount2, options },
      mountBlobOperationSpec
    );
  }
  /**
   * Retrieve status of upload identified by uuid. The primary purpose of this endpoint is to resolve the
   * current status of a resumable upload.
   * @param nextLink Link acquired from upload start or previous chunk. Note, do not include initial /
   *                 (must do substring(1) )
   * @param options The options parameters.
   */
  getUploadStatus(nextLink2, options) {
    return this.client.sendOperationRequest(
      { nextLink: nextLink2, options },
      getUploadStatusOperationSpec
    );
  }
  /**
   * Upload a stream of data without completing the upload.
   * @param nextLink Link acquired from upload start or previous chunk. Note, do not include initial /
   *                 (must do substring(1) )
   * @param value Raw data of blob
   * @param options The options parameters.
   */
  uploadChunk(nextLink2, value5, options) {
    return this.client.sendOperationRequest(
      { nextLink: nextLink2, value: value5, options },
      uploadChunkOperationSpec
    );
  }
  /**
   * Complete the upload, providing all the data in the body, if necessary. A request without a body will
   * just complete the upload with previously uploaded content.
   * @param digest Digest of a BLOB
   * @param nextLink Link acquired from upload start or previous chunk. Note, do not include initial /
   *                 (must do substring(1) )
   * @param options The options parameters.
   */
  completeUpload(digest3, nextLink2, options) {
    return this.client.sendOperationRequest(
      { digest: digest3, nextLink: nextLink2, options },
      completeUploadOperationSpec
    );
  }
  /**
   * Cancel outstanding upload processes, releasing associated resources. If this is not called, the
   * unfinished uploads will eventually timeout.
   * @param nextLink Link acquired from upload start or previous chunk. Note, do not include initial /
   *                 (must do substring(1) )
   * @param options The options parameters.
   */
  cancelUpload(nextLink2, options) {
    return this.client.sendOperationRequest(
      { nextLink: nextLink2, options },
      cancelUploadOperationSpec
    );
  }
  /**
   * Initiate a resumable blob upload with an empty request body.
   * @param name Name of the image (including the namespace)
   * @param options The options parameters.
   */
  startUpload(name2, options) {
    return this.client.sendOperationRequest(
      { name: name2, options },
      startUploadOperationSpec
    );
  }
  /**
   * Retrieve the blob from the registry identified by `digest`. This endpoint may also support RFC7233
   * compliant range requests. Support can be detected by issuing a HEAD request. If the header
   * `Accept-Range: bytes` is returned, range requests can be used to fetch partial content.
   * @param name Name of the image (including the namespace)
   * @param digest Digest of a BLOB
   * @param range Format : bytes=<start>-<end>,  HTTP Range header specifying blob chunk.
   * @param options The options parameters.
   */
  getChunk(name2, digest3, range2, options) {
    return this.client.sendOperationRequest(
      { name: name2, digest: digest3, range: range2, options },
      getChunkOperationSpec
    );
  }
  /**
   * Same as GET, except only the headers are returned.
   * @param name Name of the image (including the namespace)
   * @param digest Digest of a BLOB
   * @param range Format : bytes=<start>-<end>,  HTTP Range header specifying blob chunk.
   * @param options The options parameters.
   */
  checkChunkExists(name2, digest3, range2, options) {
    return this.client.sendOperationRequest(
      { name: name2, digest: digest3, range: range2, options },
      checkChunkExistsOperationSpec
    );
  }
};
var serializer2 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var getBlobOperationSpec = {
  path: "/v2/{name}/blobs/{digest}",
  httpMethod: "GET",
  responses: {
    200: {
      bodyMapper: {
        type: { name: "Stream" },
        serializedName: "parsedResponse"
      },
      headersMapper: ContainerRegistryBlobGetBlobHeaders
    },
    307: {
      headersMapper: ContainerRegistryBlobGetBlobHeaders
    },
    default: {}
  },
  urlParameters: [url, name, digest1],
  headerParameters: [accept3],
  serializer: serializer2
};
var checkBlobExistsOperationSpec = {
  path: "/v2/{name}/blobs/{digest}",
  httpMethod: "HEAD",
  responses: {
    200: {
      headersMapper: ContainerRegistryBlobCheckBlobExistsHeaders
    },
    307: {
      headersMapper: ContainerRegistryBlobCheckBlobExistsHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, name, digest1],
  headerParameters: [accept],
  serializer: serializer2
};
var deleteBlobOperationSpec = {
  path: "/v2/{name}/blobs/{digest}",
  httpMethod: "DELETE",
  responses: {
    202: {
      headersMapper: ContainerRegistryBlobDeleteBlobHeaders
    },
    404: {},
    default: {}
  },
  urlParameters: [url, name, digest1],
  serializer: serializer2
};
var mountBlobOperationSpec = {
  path: "/v2/{name}/blobs/uploads/",
  httpMethod: "POST",
  responses: {
    201: {
      headersMapper: ContainerRegistryBlobMountBlobHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  queryParameters: [fromParam, mount],
  urlParameters: [url, name],
  headerParameters: [accept],
  serializer: serializer2
};
var getUploadStatusOperationSpec = {
  path: "/{nextBlobUuidLink}",
  httpMethod: "GET",
  responses: {
    204: {
      headersMapper: ContainerRegistryBlobGetUploadStatusHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, nextLink1],
  headerParameters: [accept],
  serializer: serializer2
};
var uploadChunkOperationSpec = {
  path: "/{nextBlobUuidLink}",
  httpMethod: "PATCH",
  responses: {
    202: {
      headersMapper: ContainerRegistryBlobUploadChunkHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  requestBody: value3,
  urlParameters: [url, nextLink1],
  headerParameters: [accept2, contentType2],
  mediaType: "binary",
  serializer: serializer2
};
var completeUploadOperationSpec = {
  path: "/{nextBlobUuidLink}",
  httpMethod: "PUT",
  responses: {
    201: {
      headersMapper: ContainerRegistryBlobCompleteUploadHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  requestBody: value4,
  queryParameters: [digest2],
  urlParameters: [url, nextLink1],
  headerParameters: [accept2, contentType2],
  mediaType: "binary",
  serializer: serializer2
};
var cancelUploadOperationSpec = {
  path: "/{nextBlobUuidLink}",
  httpMethod: "DELETE",
  responses: {
    204: {},
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, nextLink1],
  headerParameters: [accept],
  serializer: serializer2
};
var startUploadOperationSpec = {
  path: "/v2/{name}/blobs/uploads/",
  httpMethod: "POST",
  responses: {
    202: {
      headersMapper: ContainerRegistryBlobStartUploadHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, name],
  headerParameters: [accept],
  serializer: serializer2
};
var getChunkOperationSpec = {
  path: "/v2/{name}/blobs/{digest}",
  httpMethod: "GET",
  responses: {
    206: {
      bodyMapper: {
        type: { name: "Stream" },
        serializedName: "parsedResponse"
      },
      headersMapper: ContainerRegistryBlobGetChunkHeaders
    },
    default: {}
  },
  urlParameters: [url, name, digest1],
  headerParameters: [accept3, range],
  serializer: serializer2
};
var checkChunkExistsOperationSpec = {
  path: "/v2/{name}/blobs/{digest}",
  httpMethod: "HEAD",
  responses: {
    200: {
      headersMapper: ContainerRegistryBlobCheckChunkExistsHeaders
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  urlParameters: [url, name, digest1],
  headerParameters: [accept, range],
  serializer: serializer2
};

// node_modules/@azure/container-registry/dist/esm/generated/operations/authentication.js
var AuthenticationImpl = class {
  client;
  /**
   * Initialize a new instance of the class Authentication class.
   * @param client Reference to the service client
   */
  constructor(client) {
    this.client = client;
  }
  /**
   * Exchange AAD tokens for an ACR refresh Token
   * @param grantType Can take a value of access_token_refresh_token, or access_token, or refresh_token
   * @param service Indicates the name of your Azure container registry.
   * @param options The options parameters.
   */
  exchangeAadAccessTokenForAcrRefreshToken(grantType2, service2, options) {
    return this.client.sendOperationRequest(
      { grantType: grantType2, service: service2, options },
      exchangeAadAccessTokenForAcrRefreshTokenOperationSpec
    );
  }
  /**
   * Exchange ACR Refresh token for an ACR Access Token
   * @param service Indicates the name of your Azure container registry.
   * @param scope Which is expected to be a valid scope, and can be specified more than once for multiple
   *              scope requests. You obtained this from the Www-Authenticate response header from the challenge.
   * @param refreshToken Must be a valid ACR refresh token
   * @param grantType Grant type is expected to be refresh_token
   * @param options The options parameters.
   */
  exchangeAcrRefreshTokenForAcrAccessToken(service2, scope2, refreshToken2, grantType2, options) {
    return this.client.sendOperationRequest(
      { service: service2, scope: scope2, refreshToken: refreshToken2, grantType: grantType2, options },
      exchangeAcrRefreshTokenForAcrAccessTokenOperationSpec
    );
  }
};
var serializer3 = createSerializer(
  mappers_exports,
  /* isXml */
  false
);
var exchangeAadAccessTokenForAcrRefreshTokenOperationSpec = {
  path: "/oauth2/exchange",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: AcrRefreshToken
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  formDataParameters: [
    grantType,
    service,
    tenant,
    refreshToken,
    accessToken
  ],
  queryParameters: [apiVersion],
  urlParameters: [url],
  headerParameters: [contentType3, accept4],
  serializer: serializer3
};
var exchangeAcrRefreshTokenForAcrAccessTokenOperationSpec = {
  path: "/oauth2/token",
  httpMethod: "POST",
  responses: {
    200: {
      bodyMapper: AcrAccessToken
    },
    default: {
      bodyMapper: AcrErrors
    }
  },
  formDataParameters: [
    service,
    scope,
    refreshToken1,
    grantType1
  ],
  queryParameters: [apiVersion],
  urlParameters: [url],
  headerParameters: [contentType3, accept4],
  serializer: serializer3
};

// node_modules/@azure/container-registry/dist/esm/generated/generatedClient.js
var GeneratedClient = class extends ServiceClient {
  url;
  apiVersion;
  /**
   * Initializes a new instance of the GeneratedClient class.
   * @param url Registry login URL
   * @param apiVersion Api Version
   * @param options The parameter options
   */
  constructor(url2, apiVersion2, options) {
    if (url2 === void 0) {
      throw new Error("'url' cannot be null");
    }
    if (apiVersion2 === void 0) {
      throw new Error("'apiVersion' cannot be null");
    }
    if (!options) {
      options = {};
    }
    const defaults = {
      requestContentType: "application/json; charset=utf-8"
    };
    const packageDetails = `azsdk-js-container-registry/1.1.0-beta.4`;
    const userAgentPrefix = options.userAgentOptions && options.userAgentOptions.userAgentPrefix ? `${options.userAgentOptions.userAgentPrefix} ${packageDetails}` : `${packageDetails}`;
    const optionsWithDefaults = {
      ...defaults,
      ...options,
      userAgentOptions: {
        userAgentPrefix
      },
      endpoint: options.endpoint ?? options.baseUri ?? "{url}"
    };
    super(optionsWithDefaults);
    this.url = url2;
    this.apiVersion = apiVersion2;
    this.containerRegistry = new ContainerRegistryImpl(this);
    this.containerRegistryBlob = new ContainerRegistryBlobImpl(this);
    this.authentication = new AuthenticationImpl(this);
    this.addCustomApiVersionPolicy(apiVersion2);
  }
  /** A function that adds a policy that sets the api-version (or equivalent) to reflect the library version. */
  addCustomApiVersionPolicy(apiVersion2) {
    if (!apiVersion2) {
      return;
    }
    const apiVersionPolicy = {
      name: "CustomApiVersionPolicy",
      async sendRequest(request, next) {
        const param = request.url.split("?");
        if (param.length > 1) {
          const newParams = param[1].split("&").map((item) => {
            if (item.indexOf("api-version") > -1) {
              return "api-version=" + apiVersion2;
            } else {
              return item;
            }
          });
          request.url = param[0] + "?" + newParams.join("&");
        }
        return next(request);
      }
    };
    this.pipeline.addPolicy(apiVersionPolicy);
  }
  containerRegistry;
  containerRegistryBlob;
  authentication;
};

// node_modules/@azure/container-registry/dist/esm/constants.js
var SDK_VERSION = "1.1.2";

// node_modules/@azure/container-registry/dist/esm/tracing.js
var tracingClient = createTracingClient({
  namespace: "Microsoft.ContainerRegistry",
  packageName: "@azure/container-registry",
  packageVersion: SDK_VERSION
});

// node_modules/@azure/container-registry/dist/esm/utils/helpers.js
function extractNextLink(value5) {
  return value5?.substr(1, value5.indexOf(">") - 1);
}
function isDigest(tagOrDigest) {
  return tagOrDigest.includes(":");
}
async function readStreamToEnd(stream, maxLength) {
  const buffers = [];
  let bytesRead = 0;
  return new Promise((resolve, reject) => {
    stream.on("data", (chunk) => {
      buffers.push(chunk);
      bytesRead += chunk.length;
      if (maxLength && bytesRead > maxLength) {
        reject(new Error(`Stream exceeded maximum allowed length of ${maxLength} bytes.`));
      }
    });
    stream.on("end", () => resolve(Buffer.concat(buffers)));
    stream.on("error", (err) => reject(err));
  });
}
async function* readChunksFromStream(stream, chunkSize) {
  let chunk = Buffer.alloc(chunkSize);
  let chunkCursor = 0;
  for await (const data of stream) {
    const dataAsBuffer = Buffer.isBuffer(data) ? data : Buffer.from(data, "utf8");
    let dataCursor = 0;
    while (dataCursor < dataAsBuffer.length) {
      const bytesCopied = dataAsBuffer.copy(chunk, chunkCursor, dataCursor);
      dataCursor += bytesCopied;
      chunkCursor += bytesCopied;
      if (chunkCursor >= chunkSize) {
        yield chunk;
        chunkCursor = 0;
        chunk = Buffer.alloc(chunkSize);
      }
    }
  }
  if (chunkCursor > 0) {
    yield chunk.subarray(0, chunkCursor);
  }
}

// node_modules/@azure/container-registry/dist/esm/utils/wwwAuthenticateParser.js
function parseWWWAuthenticate(wwwAuthenticate) {
  const pattern = /(\w+?)="(.*?)"/g;
  const value5 = {};
  let match;
  while ((match = pattern.exec(wwwAuthenticate)) !== null) {
    value5[match[1]] = match[2];
  }
  return value5;
}

// node_modules/@azure/container-registry/dist/esm/utils/tokenCycler.js
function delay(t, value5) {
  return new Promise((resolve) => setTimeout(() => resolve(value5), t));
}
var DEFAULT_CYCLER_OPTIONS = {
  forcedRefreshWindowInMs: 1e3,
  // Force waiting for a refresh 1s before the token expires
  retryIntervalInMs: 3e3,
  // Allow refresh attempts every 3s
  refreshWindowInMs: 1e3 * 60 * 2
  // Start refreshing 2m before expiry
};
async function beginRefresh(getAccessToken, retryIntervalInMs, refreshTimeout) {
  async function tryGetAccessToken() {
    if (Date.now() < refreshTimeout) {
      try {
        return await getAccessToken();
      } catch {
        return null;
      }
    } else {
      const finalToken = await getAccessToken();
      if (finalToken === null) {
        throw new Error("Failed to refresh access token.");
      }
      return finalToken;
    }
  }
  let token = await tryGetAccessToken();
  while (token === null) {
    await delay(retryIntervalInMs);
    token = await tryGetAccessToken();
  }
  return token;
}
function createTokenCycler(credential, tokenCyclerOptions) {
  let refreshWorker = null;
  let token = null;
  const options = {
    ...DEFAULT_CYCLER_OPTIONS,
    ...tokenCyclerOptions
  };
  const cycler = {
    /**
     * Produces true if a refresh job is currently in progress.
     */
    get isRefreshing() {
      return refreshWorker !== null;
    },
    /**
     * Produces true if the cycler SHOULD refresh (we are within the refresh
     * window and not already refreshing)
     */
    get shouldRefresh() {
      return !cycler.isRefreshing && (token?.expiresOnTimestamp ?? 0) - options.refreshWindowInMs < Date.now();
    },
    /**
     * Produces true if the cycler MUST refresh (null or nearly-expired
     * token).
     */
    get mustRefresh() {
      return token === null || token.expiresOnTimestamp - options.forcedRefreshWindowInMs < Date.now();
    }
  };
  function refresh(scopes, getTokenOptions) {
    if (!cycler.isRefreshing) {
      const tryGetAccessToken = () => credential.getToken(scopes, getTokenOptions);
      refreshWorker = beginRefresh(
        tryGetAccessToken,
        options.retryIntervalInMs,
        // If we don't have a token, then we should timeout immediately
        token?.expiresOnTimestamp ?? Date.now()
      ).then((_token) => {
        refreshWorker = null;
        token = _token;
        return token;
      }).catch((reason) => {
        refreshWorker = null;
        token = null;
        throw reason;
      });
    }
    return refreshWorker;
  }
  return {
    get cachedToken() {
      return token || void 0;
    },
    getToken: async (scopes, tokenOptions) => {
      if (cycler.mustRefresh) return refresh(scopes, tokenOptions);
      if (cycler.shouldRefresh) {
        refresh(scopes, tokenOptions);
      }
      return token;
    }
  };
}

// node_modules/@azure/container-registry/dist/esm/containerRegistryChallengeHandler.js
var fiveMinutesInMs = 5 * 60 * 1e3;
var ChallengeHandler = class {
  constructor(credential, options = {}) {
    this.credential = credential;
    this.options = options;
    this.cycler = createTokenCycler(credential, {
      refreshWindowInMs: fiveMinutesInMs
    });
  }
  cycler;
  cachedAcrAccessToken;
  authorizeRequest(options) {
    if (this.cachedAcrAccessToken) {
      options.request.headers.set("Authorization", `Bearer ${this.cachedAcrAccessToken}`);
    }
    return Promise.resolve();
  }
  /**
   * Updates  the authentication context based on the challenge.
   */
  async authorizeRequestOnChallenge(options) {
    const challenge = options.response?.headers.get("WWW-Authenticate");
    if (!challenge) {
      throw new Error("Failed to retrieve challenge from response headers");
    }
    const { service: service2, scope: scope2 } = parseWWWAuthenticate(challenge);
    if (!service2) {
      throw new Error("Failed to retrieve 'service' from challenge");
    }
    if (!scope2) {
      throw new Error("Failed to retrieve 'scope' from challenge");
    }
    let grantType2;
    let acrRefreshToken;
    if (this.credential.isAnonymousAccess) {
      grantType2 = "password";
      acrRefreshToken = "";
    } else {
      grantType2 = "refresh_token";
      acrRefreshToken = (await this.cycler.getToken(scope2, { ...options, service: service2 })).token;
    }
    const acrAccessToken = await this.credential.tokenService.ExchangeAcrRefreshTokenForAcrAccessTokenAsync(
      acrRefreshToken,
      service2,
      scope2,
      grantType2,
      this.options
    );
    options.request.headers.set("Authorization", `Bearer ${acrAccessToken}`);
    this.cachedAcrAccessToken = acrAccessToken;
    return true;
  }
};

// node_modules/@azure/container-registry/dist/esm/transformations.js
function toManifestWritableProperties(from) {
  return from ? {
    canDelete: from.canDelete,
    canList: from.canList,
    canRead: from.canRead,
    canWrite: from.canWrite
  } : void 0;
}
function toArtifactManifestProperties(from, repositoryName, registryLoginServer) {
  return {
    registryLoginServer,
    repositoryName,
    digest: from.digest,
    sizeInBytes: from.size,
    createdOn: from.createdOn,
    lastUpdatedOn: from.lastUpdatedOn,
    architecture: from.architecture ?? void 0,
    operatingSystem: from.operatingSystem ?? void 0,
    relatedArtifacts: from.relatedArtifacts ?? [],
    tags: from.tags ?? [],
    ...toManifestWritableProperties(from)
  };
}
function toServiceTagOrderBy(orderBy) {
  return orderBy === "LastUpdatedOnAscending" ? "timeasc" : orderBy === "LastUpdatedOnDescending" ? "timedesc" : void 0;
}
function toServiceManifestOrderBy(orderBy) {
  return orderBy === "LastUpdatedOnAscending" ? "timeasc" : orderBy === "LastUpdatedOnDescending" ? "timedesc" : void 0;
}

// node_modules/@azure/container-registry/dist/esm/registryArtifact.js
var RegistryArtifactImpl = class {
  /**
   * Creates an instance of a RegistryArtifact.
   * @param registryEndpoint - the URL to the Container Registry endpoint
   * @param repositoryName - the name of the repository
   * @param tagOrDigest - the tag or digest of this artifact
   * @param client - the generated client that interacts with service
   */
  constructor(registryEndpoint, repositoryName, tagOrDigest, client) {
    this.tagOrDigest = tagOrDigest;
    this.registryEndpoint = registryEndpoint;
    this.repositoryName = repositoryName;
    const parsedUrl = new URL(registryEndpoint);
    if (isDigest(tagOrDigest)) {
      this.digest = tagOrDigest;
      this.fullyQualifiedReference = `${parsedUrl.hostname}/${repositoryName}@${this.digest}`;
    } else {
      this.fullyQualifiedReference = `${parsedUrl.hostname}/${repositoryName}:${tagOrDigest}`;
    }
    this.client = client;
  }
  client;
  /**
   * The Azure Container Registry endpoint.
   */
  registryEndpoint;
  /**
   * Repository name.
   */
  repositoryName;
  /**
   * Name of the form 'registry-login-server/repository-name\@digest' or
   *   'registry-login-server/repository-name:tag'
   */
  fullyQualifiedReference;
  digest;
  /**
   * digest of this artifact.
   */
  async getDigest() {
    if (this.digest) {
      return this.digest;
    }
    if (!isDigest(this.tagOrDigest)) {
      this.digest = (await this.getTagProperties(this.tagOrDigest)).digest;
    } else {
      this.digest = this.tagOrDigest;
    }
    return this.digest;
  }
  /**
   * Deletes this registry artifact by deleting its manifest.
   * @param options -
   */
  async delete(options = {}) {
    return tracingClient.withSpan(
      "RegistryArtifactImpl.delete",
      options,
      async (updatedOptions) => {
        await this.client.containerRegistry.deleteManifest(
          this.repositoryName,
          await this.getDigest(),
          updatedOptions
        );
      }
    );
  }
  /**
   * Deletes a tag. This removes the tag from the artifact and its manifest.
   * @param tag - the name of the tag to delete.
   * @param options -
   */
  async deleteTag(tag, options = {}) {
    if (!tag) {
      throw new Error("invalid tag");
    }
    return tracingClient.withSpan(
      "RegistryArtifactImpl.deleteTag",
      options,
      async (updatedOptions) => {
        await this.client.containerRegistry.deleteTag(this.repositoryName, tag, updatedOptions);
      }
    );
  }
  /**
   * Retrieves the properties of the manifest that uniquely identifies this artifact.
   * @param options -
   */
  async getManifestProperties(options = {}) {
    return tracingClient.withSpan(
      "RegistryArtifactImpl.getManifestProperties",
      options,
      async (updatedOptions) => {
        const result = await this.client.containerRegistry.getManifestProperties(
          this.repositoryName,
          await this.getDigest(),
          updatedOptions
        );
        return toArtifactManifestProperties(
          result,
          this.repositoryName,
          result.registryLoginServer
        );
      }
    );
  }
  /**
   * Updates the properties of the artifact's manifest.
   *
   * Example usage:
   *
   * ```ts snippet:RegistryArtifactUpdateManifestProperties
   * import { ContainerRegistryClient } from "@azure/container-registry";
   * import { DefaultAzureCredential } from "@azure/identity";
   *
   * const endpoint = "https://myregistryname.azurecr.io";
   * const repositoryName = "library/hello-world";
   * const artifactTagOrDigest = "latest";
   * const client = new ContainerRegistryClient(endpoint, new DefaultAzureCredential());
   *
   * const artifact = client.getArtifact(repositoryName, artifactTagOrDigest);
   * const updated = await artifact.updateManifestProperties({
   *   canDelete: false,
   *   canList: false,
   *   canRead: false,
   *   canWrite: false,
   * });
   * ```
   * @param options - options to update manifest properties
   */
  async updateManifestProperties(options) {
    return tracingClient.withSpan(
      "RegistryArtifactImpl.updateManifestProperties",
      {
        ...options,
        value: {
          canDelete: options.canDelete,
          canWrite: options.canWrite,
          canList: options.canList,
          canRead: options.canRead
        }
      },
      async (updatedOptions) => {
        const result = await this.client.containerRegistry.updateManifestProperties(
          this.repositoryName,
          await this.getDigest(),
          updatedOptions
        );
        return toArtifactManifestProperties(
          result,
          this.repositoryName,
          result.registryLoginServer
        );
      }
    );
  }
  /**
   * Retrieves the properties of the specified tag.
   * @param tag - the tag to retrieve properties.
   * @param options - options to get tag properties
   */
  async getTagProperties(tag, options = {}) {
    if (!tag) {
      throw new Error("invalid tag");
    }
    return tracingClient.withSpan(
      "RegistryArtifactImpl.getTagProperties",
      options,
      (updatedOptions) => {
        return this.client.containerRegistry.getTagProperties(
          this.repositoryName,
          tag,
          updatedOptions
        );
      }
    );
  }
  /**
   * Updates the properties of a given tag.
   *
   * Example usage:
   *
   * ```ts snippet:RegistryArtifactUpdateTagProperties
   * import { ContainerRegistryClient } from "@azure/container-registry";
   * import { DefaultAzureCredential } from "@azure/identity";
   *
   * const endpoint = "https://myregistryname.azurecr.io";
   * const repositoryName = "library/hello-world";
   * const artifactTagOrDigest = "latest";
   * const tag = "latest";
   * const client = new ContainerRegistryClient(endpoint, new DefaultAzureCredential());
   *
   * const artifact = client.getArtifact(repositoryName, artifactTagOrDigest);
   * const updated = await artifact.updateTagProperties(tag, {
   *   canDelete: false,
   *   canList: false,
   *   canRead: false,
   *   canWrite: false,
   * });
   * ```
   * @param tag - name of the tag to update properties on
   * @param options - options to update tag properties
   */
  async updateTagProperties(tag, options) {
    if (!tag) {
      throw new Error("invalid tag");
    }
    return tracingClient.withSpan(
      "RegistryArtifactImpl.updateTagProperties",
      {
        ...options,
        value: {
          canDelete: options.canDelete,
          canWrite: options.canWrite,
          canList: options.canList,
          canRead: options.canRead
        }
      },
      (updatedOptions) => {
        return this.client.containerRegistry.updateTagAttributes(
          this.repositoryName,
          tag,
          updatedOptions
        );
      }
    );
  }
  /**
   * Returns an async iterable iterator to list the tags that uniquely identify this artifact and the properties of each.
   *
   * Example using `for-await-of` syntax:
   *
   * ```ts snippet:RegistryArtifactListTagProperties
   * import { ContainerRegistryClient } from "@azure/container-registry";
   * import { DefaultAzureCredential } from "@azure/identity";
   *
   * const endpoint = "https://myregistryname.azurecr.io";
   * const repositoryName = "library/hello-world";
   * const artifactTagOrDigest = "latest";
   * const client = new ContainerRegistryClient(endpoint, new DefaultAzureCredential());
   *
   * const artifact = client.getArtifact(repositoryName, artifactTagOrDigest);
   * for await (const tag of artifact.listTagProperties()) {
   *   console.log("tag: ", tag);
   * }
   * ```
   *
   * @param options - options to list tags
   */
  listTagProperties(options = {}) {
    const iter = this.listTagsItems(options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings = {}) => this.listTagsPage(settings, options)
    };
  }
  async *listTagsItems(options = {}) {
    for await (const page of this.listTagsPage({}, options)) {
      yield* page;
    }
  }
  async *listTagsPage(continuationState, options = {}) {
    const orderby2 = toServiceTagOrderBy(options.order);
    if (!continuationState.continuationToken) {
      const optionsComplete = {
        ...options,
        n: continuationState.maxPageSize,
        orderby: orderby2
      };
      const currentPage = await this.client.containerRegistry.getTags(
        this.repositoryName,
        optionsComplete
      );
      continuationState.continuationToken = extractNextLink(currentPage.link);
      if (currentPage.tagAttributeBases) {
        const array = currentPage.tagAttributeBases.map((t) => {
          return {
            registryLoginServer: currentPage.registryLoginServer,
            repositoryName: currentPage.repository,
            ...t
          };
        });
        yield Object.defineProperty(array, "continuationToken", {
          value: continuationState.continuationToken,
          enumerable: true
        });
      }
    }
    while (continuationState.continuationToken) {
      const currentPage = await this.client.containerRegistry.getTagsNext(
        this.repositoryName,
        continuationState.continuationToken,
        options
      );
      continuationState.continuationToken = extractNextLink(currentPage.link);
      if (currentPage.tagAttributeBases) {
        const array = currentPage.tagAttributeBases.map((t) => {
          return {
            registryLoginServer: currentPage.registryLoginServer,
            repositoryName: currentPage.repository,
            ...t
          };
        });
        yield Object.defineProperty(array, "continuationToken", {
          value: continuationState.continuationToken,
          enumerable: true
        });
      }
    }
  }
};

// node_modules/@azure/container-registry/dist/esm/containerRepository.js
var ContainerRepositoryImpl = class {
  client;
  /**
   * The Azure Container Registry endpoint.
   */
  registryEndpoint;
  /**
   * Repository name.
   */
  name;
  /**
   * Creates an instance of a ContainerRepository.
   * @param registryEndpoint - the URL to the Container Registry endpoint
   * @param name - the name of the repository
   * @param client - the generated client that interacts with service
   */
  constructor(registryEndpoint, name2, client) {
    this.registryEndpoint = registryEndpoint;
    this.name = name2;
    this.client = client;
  }
  /**
   * Deletes this repository and all artifacts that are part of its logical group.
   *
   * @param options - optional configuration for the operation
   */
  async delete(options = {}) {
    return tracingClient.withSpan(
      "ContainerRepositoryImpl.delete",
      options,
      async (updatedOptions) => {
        await this.client.containerRegistry.deleteRepository(this.name, updatedOptions);
      }
    );
  }
  /**
   * Returns an helper instance of {@link RegistryArtifact} for the given tag or digest.
   * @param tagOrDigest - the tag or digest of the artifact
   */
  getArtifact(tagOrDigest) {
    if (!tagOrDigest) {
      throw new Error("invalid tagOrDigest");
    }
    return new RegistryArtifactImpl(this.registryEndpoint, this.name, tagOrDigest, this.client);
  }
  /**
   * Retrieves the properties of this repository.
   * @param options - The options for the operation.
   */
  async getProperties(options = {}) {
    return tracingClient.withSpan(
      "ContainerRepositoryImpl.getProperties",
      options,
      (updatedOptions) => {
        return this.client.containerRegistry.getProperties(this.name, updatedOptions);
      }
    );
  }
  /**
   * Updates the properties of this repository.
   *
   * Example usage:
   *
   * ```ts snippet:ContainerRepositoryUpdateProperties
   * import { ContainerRegistryClient } from "@azure/container-registry";
   * import { DefaultAzureCredential } from "@azure/identity";
   *
   * const endpoint = "https://myregistryname.azurecr.io";
   * const repositoryName = "library/hello-world";
   * const client = new ContainerRegistryClient(endpoint, new DefaultAzureCredential());
   * const repository = client.getRepository(repositoryName);
   *
   * const updated = await repository.updateProperties({
   *   canDelete: false,
   *   canList: false,
   *   canRead: false,
   *   canWrite: false,
   * });
   * ```
   * @param options - The options for the operation.
   */
  async updateProperties(options) {
    const value5 = {
      canDelete: options.canDelete,
      canWrite: options.canWrite,
      canList: options.canList,
      canRead: options.canRead
    };
    return tracingClient.withSpan(
      "ContainerRepositoryImpl.updateProperties",
      { ...options, value: value5 },
      (updatedOptions) => {
        return this.client.containerRegistry.updateProperties(this.name, updatedOptions);
      }
    );
  }
  /**
   * Returns an async iterable iterator to list manifest properties.
   * This is useful for determining the collection of artifacts associated with
   * this repository, as each artifact is uniquely identified by its manifest.
   *
   * Example using `for-await-of` syntax:
   *
   * ```ts snippet:ContainerRepositoryListManifestProperties
   * import { ContainerRegistryClient } from "@azure/container-registry";
   * import { DefaultAzureCredential } from "@azure/identity";
   *
   * const endpoint = "https://myregistryname.azurecr.io";
   * const repositoryName = "library/hello-world";
   * const client = new ContainerRegistryClient(endpoint, new DefaultAzureCredential());
   * const repository = client.getRepository(repositoryName);
   *
   * for await (const manifest of repository.listManifestProperties()) {
   *   console.log("manifest: ", manifest);
   * }
   * ```
   *
   * @param options - The options for the operation.
   */
  listManifestProperties(options = {}) {
    const iter = this.listManifestsItems(options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings = {}) => this.listManifestsPage(settings, options)
    };
  }
  async *listManifestsItems(options = {}) {
    for await (const page of this.listManifestsPage({}, options)) {
      yield* page;
    }
  }
  async *listManifestsPage(continuationState, options = {}) {
    const orderby2 = toServiceManifestOrderBy(options.order);
    if (!continuationState.continuationToken) {
      const optionsComplete = {
        ...options,
        n: continuationState.maxPageSize,
        orderby: orderby2
      };
      const currentPage = await this.client.containerRegistry.getManifests(
        this.name,
        optionsComplete
      );
      continuationState.continuationToken = extractNextLink(currentPage.link);
      if (currentPage.manifests) {
        const array = currentPage.manifests.map(
          (t) => toArtifactManifestProperties(t, this.name, currentPage.registryLoginServer)
        );
        yield Object.defineProperty(array, "continuationToken", {
          value: continuationState.continuationToken,
          enumerable: true
        });
      }
    }
    while (continuationState.continuationToken) {
      const currentPage = await this.client.containerRegistry.getManifestsNext(
        this.name,
        continuationState.continuationToken,
        options
      );
      continuationState.continuationToken = extractNextLink(currentPage.link);
      if (currentPage.manifests) {
        const array = currentPage.manifests.map(
          (t) => toArtifactManifestProperties(t, this.name, currentPage.registryLoginServer)
        );
        yield Object.defineProperty(array, "continuationToken", {
          value: continuationState.continuationToken,
          enumerable: true
        });
      }
    }
  }
};

// node_modules/@azure/container-registry/dist/esm/utils/base64.js
function base64decode(encodedString) {
  return Buffer.from(encodedString, "base64").toString();
}

// node_modules/@azure/container-registry/dist/esm/containerRegistryTokenCredential.js
var ContainerRegistryRefreshTokenCredential = class {
  constructor(authClient, authenticationScope, credential) {
    this.authenticationScope = authenticationScope;
    this.credential = credential;
    this.tokenService = new ContainerRegistryTokenService(authClient);
    this.isAnonymousAccess = !this.credential;
  }
  tokenService;
  isAnonymousAccess;
  async getToken(_scopes, options) {
    if (!this.credential) {
      return null;
    }
    const aadToken = await this.credential.getToken(this.authenticationScope, options);
    if (!aadToken) {
      throw new Error("Failed to retrieve AAD token.");
    }
    return this.tokenService.ExchangeAadAccessTokenForAcrRefreshTokenAsync(
      aadToken.token,
      options.service,
      options
    );
  }
};
var ContainerRegistryTokenService = class {
  constructor(authClient) {
    this.authClient = authClient;
  }
  async ExchangeAadAccessTokenForAcrRefreshTokenAsync(aadAccessToken, service2, options) {
    const acrRefreshToken = await this.authClient.authentication.exchangeAadAccessTokenForAcrRefreshToken(
      "access_token",
      service2,
      {
        ...options,
        accessToken: aadAccessToken
      }
    );
    if (!acrRefreshToken.refreshToken) {
      throw new Error("Failed to exchange AAD access token for an ACR refresh token.");
    }
    const jwtParts = acrRefreshToken.refreshToken.split(".");
    if (jwtParts.length < 3) {
      throw new Error("Invalid JWT structure from ACR refresh token.");
    }
    if (!jwtParts[1]) {
      throw new Error("Invalid JWT payload.");
    }
    const jwtPayload = JSON.parse(base64decode(jwtParts[1]));
    if (!jwtPayload.exp) {
      throw new Error("Invalid JWT payload structure. No expiration.");
    }
    const expiry = Number.parseInt(jwtPayload.exp) * 1e3;
    return {
      token: acrRefreshToken.refreshToken,
      expiresOnTimestamp: expiry
    };
  }
  async ExchangeAcrRefreshTokenForAcrAccessTokenAsync(acrRefreshToken, service2, scope2, grantType2, options) {
    const acrAccessToken = await this.authClient.authentication.exchangeAcrRefreshTokenForAcrAccessToken(
      service2,
      scope2,
      acrRefreshToken,
      grantType2,
      options
    );
    if (!acrAccessToken.accessToken) {
      throw new Error("Failed to exchange ACR refresh token for an ACR access token");
    }
    return acrAccessToken.accessToken;
  }
};

// node_modules/@azure/container-registry/dist/esm/containerRegistryClient.js
var LATEST_API_VERSION = "2021-07-01";
var ContainerRegistryClient = class {
  /**
   * The Azure Container Registry endpoint.
   */
  endpoint;
  client;
  constructor(endpoint, credentialOrOptions, clientOptions = {}) {
    if (!endpoint) {
      throw new Error("invalid endpoint");
    }
    this.endpoint = endpoint;
    let credential;
    let options;
    if (isTokenCredential(credentialOrOptions)) {
      credential = credentialOrOptions;
      options = clientOptions;
    } else {
      options = credentialOrOptions ?? {};
    }
    const internalPipelineOptions = {
      ...options,
      redirectOptions: {
        allowCrossOriginRedirects: true,
        ...options?.redirectOptions
      },
      loggingOptions: {
        logger: logger.info,
        // This array contains header names we want to log that are not already
        // included as safe. Unknown/unsafe headers are logged as "<REDACTED>".
        additionalAllowedQueryParameters: ["last", "n", "orderby", "digest"]
      }
    };
    const defaultScope = `${options.audience ?? "https://containerregistry.azure.net"}/.default`;
    const serviceVersion = options.serviceVersion ?? LATEST_API_VERSION;
    const authClient = new GeneratedClient(endpoint, serviceVersion, internalPipelineOptions);
    this.client = new GeneratedClient(endpoint, serviceVersion, internalPipelineOptions);
    this.client.pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({
        credential,
        scopes: [defaultScope],
        challengeCallbacks: new ChallengeHandler(
          new ContainerRegistryRefreshTokenCredential(authClient, defaultScope, credential)
        )
      })
    );
  }
  /**
   * Deletes the repository identified by the given name and all associated artifacts.
   *
   * @param repositoryName - the name of repository to delete
   * @param options - optional configuration for the operation
   */
  async deleteRepository(repositoryName, options = {}) {
    if (!repositoryName) {
      throw new Error("invalid repositoryName");
    }
    return tracingClient.withSpan(
      "ContainerRegistryClient.deleteRepository",
      options,
      async (updatedOptions) => {
        await this.client.containerRegistry.deleteRepository(repositoryName, updatedOptions);
      }
    );
  }
  /**
   * Returns an instance of {@link RegistryArtifact} for calling service methods related to the artifact specified by `repositoryName` and `tagOrDigest`.
   *
   * @param repositoryName - the name of repository
   * @param tagOrDigest - tag or digest of the artifact to retrieve
   */
  getArtifact(repositoryName, tagOrDigest) {
    if (!repositoryName) {
      throw new Error("invalid repositoryName");
    }
    if (!tagOrDigest) {
      throw new Error("invalid tagOrDigest");
    }
    return new ContainerRepositoryImpl(this.endpoint, repositoryName, this.client).getArtifact(
      tagOrDigest
    );
  }
  /**
   * Returns an instance of {@link ContainerRepository} for calling service methods related to the repository specified by `repositoryName`.
   *
   * @param repositoryName - the name of repository
   */
  getRepository(repositoryName) {
    if (!repositoryName) {
      throw new Error("invalid repositoryName");
    }
    return new ContainerRepositoryImpl(this.endpoint, repositoryName, this.client);
  }
  /**
   * Returns an async iterable iterator to list names of repositories in this registry.
   *
   * Example usage:
   * ```ts snippet:SampleReadmeListRepositories
   * import { ContainerRegistryClient, KnownContainerRegistryAudience } from "@azure/container-registry";
   * import { DefaultAzureCredential } from "@azure/identity";
   *
   * const endpoint = "https://myregistryname.azurecr.io";
   * const client = new ContainerRegistryClient(endpoint, new DefaultAzureCredential(), {
   *   audience: KnownContainerRegistryAudience.AzureResourceManagerPublicCloud,
   * });
   *
   * const iterator = client.listRepositoryNames();
   * for await (const repository of iterator) {
   *   console.log(`  repository: ${repository}`);
   * }
   * ```
   *
   * @param options - The options for the request
   */
  listRepositoryNames(options = {}) {
    const iter = this.listRepositoryItems(options);
    return {
      next() {
        return iter.next();
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      byPage: (settings = {}) => this.listRepositoriesPage(settings, options)
    };
  }
  async *listRepositoryItems(options = {}) {
    for await (const page of this.listRepositoriesPage({}, options)) {
      yield* page;
    }
  }
  async *listRepositoriesPage(continuationState, options = {}) {
    if (!continuationState.continuationToken) {
      const optionsComplete = {
        ...options,
        n: continuationState.maxPageSize
      };
      const currentPage = await this.client.containerRegistry.getRepositories(optionsComplete);
      continuationState.continuationToken = extractNextLink(currentPage.link);
      if (currentPage.repositories) {
        const array = currentPage.repositories;
        yield Object.defineProperty(array, "continuationToken", {
          value: continuationState.continuationToken,
          enumerable: true
        });
      }
    }
    while (continuationState.continuationToken) {
      const currentPage = await this.client.containerRegistry.getRepositoriesNext(
        continuationState.continuationToken,
        options
      );
      continuationState.continuationToken = extractNextLink(currentPage.link);
      if (currentPage.repositories) {
        const array = currentPage.repositories;
        yield Object.defineProperty(array, "continuationToken", {
          value: continuationState.continuationToken,
          enumerable: true
        });
      }
    }
  }
};

// node_modules/@azure/container-registry/dist/esm/models.js
var KnownContainerRegistryAudience = /* @__PURE__ */ ((KnownContainerRegistryAudience2) => {
  KnownContainerRegistryAudience2["AzureResourceManagerChina"] = "https://management.chinacloudapi.cn";
  KnownContainerRegistryAudience2["AzureResourceManagerGermany"] = "https://management.microsoftazure.de";
  KnownContainerRegistryAudience2["AzureResourceManagerGovernment"] = "https://management.usgovcloudapi.net";
  KnownContainerRegistryAudience2["AzureResourceManagerPublicCloud"] = "https://management.azure.com";
  return KnownContainerRegistryAudience2;
})(KnownContainerRegistryAudience || {});
var KnownArtifactArchitecture = /* @__PURE__ */ ((KnownArtifactArchitecture2) => {
  KnownArtifactArchitecture2["I386"] = "386";
  KnownArtifactArchitecture2["Amd64"] = "amd64";
  KnownArtifactArchitecture2["Arm"] = "arm";
  KnownArtifactArchitecture2["Arm64"] = "arm64";
  KnownArtifactArchitecture2["Mips"] = "mips";
  KnownArtifactArchitecture2["MipsLe"] = "mipsle";
  KnownArtifactArchitecture2["Mips64"] = "mips64";
  KnownArtifactArchitecture2["Mips64Le"] = "mips64le";
  KnownArtifactArchitecture2["Ppc64"] = "ppc64";
  KnownArtifactArchitecture2["Ppc64Le"] = "ppc64le";
  KnownArtifactArchitecture2["RiscV64"] = "riscv64";
  KnownArtifactArchitecture2["S390X"] = "s390x";
  KnownArtifactArchitecture2["Wasm"] = "wasm";
  return KnownArtifactArchitecture2;
})(KnownArtifactArchitecture || {});
var KnownArtifactOperatingSystem = /* @__PURE__ */ ((KnownArtifactOperatingSystem2) => {
  KnownArtifactOperatingSystem2["Aix"] = "aix";
  KnownArtifactOperatingSystem2["Android"] = "android";
  KnownArtifactOperatingSystem2["Darwin"] = "darwin";
  KnownArtifactOperatingSystem2["Dragonfly"] = "dragonfly";
  KnownArtifactOperatingSystem2["FreeBsd"] = "freebsd";
  KnownArtifactOperatingSystem2["Illumos"] = "illumos";
  KnownArtifactOperatingSystem2["iOS"] = "ios";
  KnownArtifactOperatingSystem2["JS"] = "js";
  KnownArtifactOperatingSystem2["Linux"] = "linux";
  KnownArtifactOperatingSystem2["NetBsd"] = "netbsd";
  KnownArtifactOperatingSystem2["OpenBsd"] = "openbsd";
  KnownArtifactOperatingSystem2["Plan9"] = "plan9";
  KnownArtifactOperatingSystem2["Solaris"] = "solaris";
  KnownArtifactOperatingSystem2["Windows"] = "windows";
  return KnownArtifactOperatingSystem2;
})(KnownArtifactOperatingSystem || {});

// node_modules/@azure/container-registry/dist/esm/content/models.js
var KnownManifestMediaType = /* @__PURE__ */ ((KnownManifestMediaType2) => {
  KnownManifestMediaType2["OciImageManifest"] = "application/vnd.oci.image.manifest.v1+json";
  KnownManifestMediaType2["DockerManifest"] = "application/vnd.docker.distribution.manifest.v2+json";
  return KnownManifestMediaType2;
})(KnownManifestMediaType || {});

// node_modules/@azure/container-registry/dist/esm/utils/digest.js
import crypto from "node:crypto";
import { Buffer as Buffer2 } from "node:buffer";
function calculateDigest(bufferOrStream) {
  const hash = crypto.createHash("sha256");
  if (Buffer2.isBuffer(bufferOrStream)) {
    return Promise.resolve(`sha256:${hash.update(bufferOrStream).digest("hex")}`);
  } else {
    bufferOrStream.pipe(hash);
    return new Promise((resolve, reject) => {
      bufferOrStream.on("end", () => {
        hash.end();
        resolve(`sha256:${hash.digest("hex")}`);
      });
      bufferOrStream.on("error", (err) => reject(err));
    });
  }
}

// node_modules/@azure/container-registry/dist/esm/content/containerRegistryContentClient.js
import { Readable as Readable2 } from "node:stream";
import crypto2 from "node:crypto";

// node_modules/@azure/container-registry/dist/esm/utils/retriableReadableStream.js
import { Readable } from "node:stream";
var RetriableReadableStream = class extends Readable {
  /**
   * Creates an instance of RetriableReadableStream.
   *
   * @param source - The current ReadableStream returned from getter
   * @param getter - A method calling downloading request returning
   *                                      a new ReadableStream from specified offset
   * @param offset - Offset position in original data source to read
   * @param count - How much data in original data source to read
   * @param options -
   */
  constructor(source, getter, offset, count, options = {}) {
    super({ highWaterMark: options.highWaterMark });
    this.source = source;
    this.getter = getter;
    this.offset = offset;
    this.getter = getter;
    this.start = offset;
    this.end = offset + count - 1;
    this.maxRetryRequests = options.maxRetryRequests && options.maxRetryRequests >= 0 ? options.maxRetryRequests : 0;
    this.onData = options.onData;
    this.onEnd = options.onEnd;
    this.onProgress = options.onProgress;
    this.options = options;
    this.setSourceEventHandlers();
  }
  start;
  end;
  retries = 0;
  maxRetryRequests;
  onData;
  onEnd;
  onProgress;
  options;
  _read() {
    this.source.resume();
  }
  setSourceEventHandlers() {
    this.source.on("data", this.sourceDataHandler);
    this.source.on("end", this.sourceErrorOrEndHandler);
    this.source.on("error", this.sourceErrorOrEndHandler);
    this.source.on("aborted", this.sourceAbortedHandler);
  }
  removeSourceEventHandlers() {
    this.source.removeListener("data", this.sourceDataHandler);
    this.source.removeListener("end", this.sourceErrorOrEndHandler);
    this.source.removeListener("error", this.sourceErrorOrEndHandler);
    this.source.removeListener("aborted", this.sourceAbortedHandler);
  }
  sourceDataHandler = (data) => {
    if (this.options.doInjectErrorOnce) {
      this.options.doInjectErrorOnce = void 0;
      this.source.pause();
      this.sourceErrorOrEndHandler();
      this.source.destroy();
      return;
    }
    this.offset += data.length;
    if (this.offset > this.end + 1) {
      this.destroy(
        new Error(
          `Data corruption failure: Received more data than original request, data needed offset is ${this.end}, received offset: ${this.offset - 1}`
        )
      );
    }
    this.onData?.(data);
    this.onProgress?.({ loadedBytes: this.offset - this.start });
    if (!this.push(data)) {
      this.source.pause();
    }
  };
  sourceAbortedHandler = () => {
    const abortError = new AbortError("The operation was aborted.");
    this.destroy(abortError);
  };
  sourceErrorOrEndHandler = (err) => {
    if (err && err.name === "AbortError") {
      this.destroy(err);
      return;
    }
    this.removeSourceEventHandlers();
    if (this.offset - 1 === this.end) {
      this.onEnd?.();
      this.push(null);
    } else if (this.offset <= this.end) {
      if (this.retries < this.maxRetryRequests) {
        this.retries += 1;
        this.getter(this.offset).then((newSource) => {
          this.source = newSource;
          this.setSourceEventHandlers();
          return;
        }).catch((error) => {
          this.destroy(error);
        });
      } else {
        this.destroy(
          new Error(
            `Data corruption failure: received less data than required and reached maxRetires limitation. Received data offset: ${this.offset - 1}, data needed offset: ${this.end}, retries: ${this.retries}, max retries: ${this.maxRetryRequests}`
          )
        );
      }
    } else {
      this.destroy(
        new Error(
          `Data corruption failure: Received more data than original request, data needed offset is ${this.end}, received offset: ${this.offset - 1}`
        )
      );
    }
  };
  _destroy(error, callback) {
    this.removeSourceEventHandlers();
    this.source.destroy();
    callback(error === null ? void 0 : error);
  }
};

// node_modules/@azure/container-registry/dist/esm/content/containerRegistryContentClient.js
var LATEST_API_VERSION2 = "2021-07-01";
var CHUNK_SIZE = 4 * 1024 * 1024;
var MAX_MANIFEST_SIZE_BYTES = 4 * 1024 * 1024;
var ACCEPTED_MANIFEST_MEDIA_TYPES = [
  KnownManifestMediaType.OciImageManifest,
  KnownManifestMediaType.DockerManifest,
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.container.image.v1+json"
];
function isReadableStream(body) {
  return body && typeof body.pipe === "function";
}
function assertHasProperty(obj, property) {
  if (!Object.prototype.hasOwnProperty.call(obj, property)) {
    throw new RestError(`Expected property ${String(property)} to be defined.`);
  }
}
var DigestMismatchError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DigestMismatchError";
  }
};
var ContainerRegistryContentClient = class {
  /**
   * The Azure Container Registry endpoint.
   */
  endpoint;
  /**
   * The name of the repository that logically groups the artifact parts.
   */
  repositoryName;
  client;
  /**
   * Creates an instance of a ContainerRegistryContentClient for managing container images and artifacts.
   *
   * Example usage:
   * ```ts snippet:SampleReadmeCreateContainerRegistryContentClient
   * import { ContainerRegistryContentClient } from "@azure/container-registry";
   * import { DefaultAzureCredential } from "@azure/identity";
   *
   * const endpoint = "https://myregistryname.azurecr.io";
   * const repository = "library/hello-world";
   * const client = new ContainerRegistryContentClient(
   *   endpoint,
   *   repository,
   *   new DefaultAzureCredential(),
   * );
   * ```
   * @param endpoint - the URL endpoint of the container registry
   * @param repositoryName - the name of the repository that logically groups the artifact parts
   * @param credential - used to authenticate requests to the service
   * @param options - optional configuration used to send requests to the service
   */
  constructor(endpoint, repositoryName, credential, options = {}) {
    if (!endpoint) {
      throw new Error("invalid endpoint");
    }
    this.endpoint = endpoint;
    this.repositoryName = repositoryName;
    const internalPipelineOptions = {
      ...options,
      redirectOptions: {
        allowCrossOriginRedirects: true,
        ...options.redirectOptions
      },
      loggingOptions: {
        logger: logger.info,
        // This array contains header names we want to log that are not already
        // included as safe. Unknown/unsafe headers are logged as "<REDACTED>".
        additionalAllowedQueryParameters: [
          "last",
          "n",
          "orderby",
          "digest",
          "_nouploadcache",
          "_state"
        ]
      }
    };
    const defaultScope = `${options.audience ?? "https://containerregistry.azure.net"}/.default`;
    const serviceVersion = options.serviceVersion ?? LATEST_API_VERSION2;
    const authClient = new GeneratedClient(endpoint, serviceVersion, internalPipelineOptions);
    this.client = new GeneratedClient(endpoint, serviceVersion, internalPipelineOptions);
    this.client.pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({
        credential,
        scopes: [defaultScope],
        challengeCallbacks: new ChallengeHandler(
          new ContainerRegistryRefreshTokenCredential(authClient, defaultScope, credential)
        )
      })
    );
  }
  /**
   * Delete a blob.
   * @param digest - the digest of the blob to delete
   * @param options - optional configuration used to send requests to the service
   */
  async deleteBlob(digest3, options = {}) {
    return tracingClient.withSpan(
      "ContainerRegistryContentClient.deleteBlob",
      options,
      async (updatedOptions) => {
        await this.client.containerRegistryBlob.deleteBlob(
          this.repositoryName,
          digest3,
          updatedOptions
        );
      }
    );
  }
  /**
   * Upload a manifest for an OCI artifact.
   *
   * @param manifest - the manifest to upload.
   */
  async setManifest(manifest, options = {}) {
    return tracingClient.withSpan(
      "ContainerRegistryContentClient.uploadManifest",
      options,
      async (updatedOptions) => {
        let manifestBody;
        let tagOrDigest = options?.tag;
        if (Buffer.isBuffer(manifest)) {
          manifestBody = manifest;
          tagOrDigest ??= await calculateDigest(manifest);
        } else if (isReadableStream(manifest)) {
          manifestBody = await readStreamToEnd(manifest);
          tagOrDigest ??= await calculateDigest(manifestBody);
        } else {
          manifestBody = Buffer.from(JSON.stringify(manifest));
          tagOrDigest ??= await calculateDigest(manifestBody);
        }
        const createManifestResult = await this.client.containerRegistry.createManifest(
          this.repositoryName,
          tagOrDigest,
          manifestBody,
          {
            contentType: options?.mediaType ?? KnownManifestMediaType.OciImageManifest,
            ...updatedOptions
          }
        );
        assertHasProperty(createManifestResult, "dockerContentDigest");
        return { digest: createManifestResult.dockerContentDigest };
      }
    );
  }
  /**
   * Downloads the manifest for an OCI artifact.
   *
   * @param tagOrDigest - a tag or digest that identifies the artifact
   * @returns - the downloaded manifest.
   */
  async getManifest(tagOrDigest, options = {}) {
    return tracingClient.withSpan(
      "ContainerRegistryContentClient.downloadManifest",
      options,
      async (updatedOptions) => {
        const response = await this.client.containerRegistry.getManifest(
          this.repositoryName,
          tagOrDigest,
          {
            accept: ACCEPTED_MANIFEST_MEDIA_TYPES.join(", "),
            ...updatedOptions
          }
        );
        assertHasProperty(response, "mediaType");
        const content = response.readableStreamBody ? await readStreamToEnd(response.readableStreamBody, MAX_MANIFEST_SIZE_BYTES) : Buffer.alloc(0);
        const expectedDigest = await calculateDigest(content);
        if (isDigest(tagOrDigest) && expectedDigest !== tagOrDigest) {
          throw new DigestMismatchError(
            "Digest of downloaded manifest does not match the input digest"
          );
        }
        if (response.dockerContentDigest !== expectedDigest) {
          throw new DigestMismatchError(
            "Computed digest of downloaded manifest does not match the value of the Docker-Content-Digest header"
          );
        }
        return {
          digest: response.dockerContentDigest,
          mediaType: response.mediaType,
          content,
          manifest: JSON.parse(content.toString("utf-8"))
        };
      }
    );
  }
  /**
   * Delete a manifest. Doing so effectively deletes an artifact from the registry.
   *
   * @param digest - the digest of the manifest to delete
   * @param options - optional configuration used to send requests to the service
   */
  async deleteManifest(digest3, options = {}) {
    return tracingClient.withSpan(
      "ContainerRegistryContentClient.deleteManifest",
      options,
      async (updatedOptions) => {
        await this.client.containerRegistry.deleteManifest(
          this.repositoryName,
          digest3,
          updatedOptions
        );
      }
    );
  }
  /**
   * Upload an artifact blob.
   *
   * @param blobStream - the stream containing the blob data.
   */
  async uploadBlob(blob, options = {}) {
    return tracingClient.withSpan(
      "ContainerRegistryContentClient.uploadBlob",
      options,
      async (updatedOptions) => {
        const blobStream = Buffer.isBuffer(blob) ? Readable2.from(blob) : blob;
        const startUploadResult = await this.client.containerRegistryBlob.startUpload(
          this.repositoryName,
          updatedOptions
        );
        assertHasProperty(startUploadResult, "location");
        let location = startUploadResult.location.substring(1);
        const chunks = readChunksFromStream(blobStream, CHUNK_SIZE);
        const hash = crypto2.createHash("sha256");
        let bytesUploaded = 0;
        for await (const chunk of chunks) {
          hash.write(chunk);
          const result = await this.client.containerRegistryBlob.uploadChunk(
            location,
            chunk,
            updatedOptions
          );
          bytesUploaded += chunk.byteLength;
          assertHasProperty(result, "location");
          location = result.location.substring(1);
        }
        hash.end();
        const digest3 = `sha256:${hash.digest("hex")}`;
        const { dockerContentDigest: digestFromResponse } = await this.client.containerRegistryBlob.completeUpload(digest3, location, updatedOptions);
        if (digest3 !== digestFromResponse) {
          throw new DigestMismatchError(
            "Digest of blob to upload does not match the digest from the server."
          );
        }
        return { digest: digest3, sizeInBytes: bytesUploaded };
      }
    );
  }
  /**
   * Download a blob that is part of an artifact.
   *
   * @param digest - the digest of the blob to download
   * @param options - optional configuration used to send requests to the service
   * @returns - the downloaded blob
   */
  async downloadBlob(digest3, options = {}) {
    return tracingClient.withSpan(
      "ContainerRegistryContentClient.downloadBlob",
      options,
      async (updatedOptions) => {
        const initialResponse = await this.client.containerRegistryBlob.getBlob(
          this.repositoryName,
          digest3,
          updatedOptions
        );
        assertHasProperty(initialResponse, "readableStreamBody");
        assertHasProperty(initialResponse, "contentLength");
        const hash = crypto2.createHash("sha256");
        return {
          digest: digest3,
          content: new RetriableReadableStream(
            initialResponse.readableStreamBody,
            async (pos) => {
              const retryResponse = await this.client.containerRegistryBlob.getChunk(
                this.repositoryName,
                digest3,
                `${pos}-`,
                updatedOptions
              );
              assertHasProperty(retryResponse, "readableStreamBody");
              return retryResponse.readableStreamBody;
            },
            0,
            initialResponse.contentLength,
            {
              onData: (data) => hash.write(data),
              onEnd: () => {
                hash.end();
                const calculatedDigest = `sha256:${hash.digest("hex")}`;
                if (digest3 !== calculatedDigest) {
                  throw new DigestMismatchError(
                    "Digest calculated from downloaded blob content does not match digest requested."
                  );
                }
              }
            }
          )
        };
      }
    );
  }
};
export {
  ContainerRegistryClient,
  ContainerRegistryContentClient,
  DigestMismatchError,
  KnownArtifactArchitecture,
  KnownArtifactOperatingSystem,
  KnownContainerRegistryAudience,
  KnownManifestMediaType
};
