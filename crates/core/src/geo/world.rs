//! The map file the browser loads (`data/map/world.json`): country shapes
//! already projected (Equal Earth) and simplified, as SVG path data in a
//! `width` × `height` frame. Written by `gen-map`, read by the map view (`crates/map`).

use serde::{Deserialize, Serialize};

/// The frame a map is drawn in before its geometry has arrived: the shape
/// of the committed `data/map/world.json` (a test keeps them equal).
pub const PLACEHOLDER_SIZE: (f64, f64) = (1000.0, 438.9);

/// The whole map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct World {
    /// The credit line the map must show.
    pub attribution: String,
    /// The projection's name, e.g. `Equal Earth`.
    pub projection: String,
    pub width: f64,
    pub height: f64,
    /// Named frames (`world`, `asia-pacific`, `africa`) as `[x, y, width, height]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<Frame>,
    pub countries: Vec<Country>,
}

/// A named rectangle of the map, as an SVG `viewBox`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub id: String,
    pub viewbox: [f64; 4],
}

/// One country (or territory) of the map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (`KHM`); the ISO numeric code when there is no
    /// alpha-3 for it; a lowercase name (`kosovo`) when the source has no code.
    pub id: String,
    /// The name as Natural Earth gives it (short forms like `Dem. Rep. Congo`).
    pub name: String,
    /// SVG path data (absolute move, relative lines, closed rings).
    pub path: String,
    /// Centre of the largest part, where symbols go.
    pub centroid: [f64; 2],
    /// `[x0, y0, x1, y1]` of every part.
    pub bbox: [f64; 4],
}

impl World {
    /// Reads the map file.
    pub fn from_json(text: &str) -> Result<World, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn country(&self, id: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.id == id)
    }

    /// The frame with this id, else the whole map.
    pub fn frame(&self, id: &str) -> [f64; 4] {
        self.views.iter().find(|v| v.id == id).map_or([0.0, 0.0, self.width, self.height], |v| v.viewbox)
    }
}

impl Country {
    /// Width and height of the bounding box.
    pub fn size(&self) -> (f64, f64) {
        (self.bbox[2] - self.bbox[0], self.bbox[3] - self.bbox[1])
    }
}
