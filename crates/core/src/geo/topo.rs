//! A small TopoJSON reader: decodes the shared arcs (quantized and
//! delta-encoded when the topology has a `transform`) and the polygons of an
//! object's geometries as lists of arc references. Only what a country map
//! needs: `Polygon`, `MultiPolygon` and `GeometryCollection`; other geometry
//! types are kept as features without polygons.
//!
//! Spec: <https://github.com/topojson/topojson-specification>. An arc
//! reference `i` means arc `i`; a negative one `!i` (that is `-i - 1`) means
//! arc `i` reversed. Consecutive arcs of a ring share their joining point.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

/// A point as `[x, y]` (longitude, latitude for world-atlas).
pub type Point = [f64; 2];

/// A decoded topology.
#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    /// Every arc with absolute coordinates.
    pub arcs: Vec<Vec<Point>>,
    /// Each object's features, by object name.
    pub objects: BTreeMap<String, Vec<Feature>>,
}

/// One geometry of an object, with its id, name and polygons.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feature {
    /// The `id`, as a string (numbers are written without a fraction).
    pub id: Option<String>,
    /// `properties.name`, when it is a string.
    pub name: Option<String>,
    /// Polygons; each is a list of rings (outer first, then holes); each ring
    /// is a list of arc references.
    pub polygons: Vec<Vec<Vec<i64>>>,
}

/// Why a topology could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum TopoError {
    Json(String),
    NotATopology,
    /// An arc reference past the end of `arcs`.
    BadArc(i64),
    /// A geometry whose `arcs` do not have the shape its type needs.
    BadGeometry(String),
}

impl fmt::Display for TopoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TopoError::Json(e) => write!(f, "not valid JSON: {e}"),
            TopoError::NotATopology => {
                write!(f, "not a TopoJSON Topology (type must be \"Topology\")")
            }
            TopoError::BadArc(i) => write!(f, "arc reference {i} points past the last arc"),
            TopoError::BadGeometry(what) => write!(f, "malformed geometry: {what}"),
        }
    }
}

impl std::error::Error for TopoError {}

#[derive(Deserialize)]
struct RawTopology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    transform: Option<Transform>,
    #[serde(default)]
    arcs: Vec<Vec<Vec<f64>>>,
    #[serde(default)]
    objects: BTreeMap<String, RawGeometry>,
}

/// The quantization transform: `position = quantized * scale + translate`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Transform {
    pub scale: [f64; 2],
    pub translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: Value,
    #[serde(default)]
    geometries: Vec<RawGeometry>,
    #[serde(default)]
    id: Value,
    #[serde(default)]
    properties: Value,
}

/// Reads a TopoJSON text.
pub fn parse(text: &str) -> Result<Topology, TopoError> {
    let raw: RawTopology = serde_json::from_str(text).map_err(|e| TopoError::Json(e.to_string()))?;
    if raw.kind != "Topology" {
        return Err(TopoError::NotATopology);
    }
    let arcs = decode_arcs(&raw.arcs, raw.transform);
    let mut objects = BTreeMap::new();
    for (name, geometry) in raw.objects {
        let mut features = Vec::new();
        flatten(geometry, &mut features)?;
        for f in &features {
            for r in f.polygons.iter().flatten().flatten() {
                let index = if *r < 0 { !*r } else { *r };
                if index as usize >= arcs.len() {
                    return Err(TopoError::BadArc(*r));
                }
            }
        }
        objects.insert(name, features);
    }
    Ok(Topology { arcs, objects })
}

/// Absolute positions of every arc: undoes the delta encoding and the
/// quantization when there is a transform, else takes positions as they are.
pub fn decode_arcs(arcs: &[Vec<Vec<f64>>], transform: Option<Transform>) -> Vec<Vec<Point>> {
    arcs.iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .filter(|p| p.len() >= 2)
                .map(|p| match transform {
                    Some(t) => {
                        x += p[0];
                        y += p[1];
                        [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]
                    }
                    None => [p[0], p[1]],
                })
                .collect()
        })
        .collect()
}

fn flatten(g: RawGeometry, out: &mut Vec<Feature>) -> Result<(), TopoError> {
    if g.kind.as_deref() == Some("GeometryCollection") {
        for child in g.geometries {
            flatten(child, out)?;
        }
        return Ok(());
    }
    let id = match &g.id {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let name = g.properties.get("name").and_then(Value::as_str).map(str::to_string);
    let bad = || {
        TopoError::BadGeometry(format!("{} ({})", g.kind.clone().unwrap_or_default(), id.clone().unwrap_or_default()))
    };
    let polygons = match g.kind.as_deref() {
        Some("Polygon") => {
            vec![serde_json::from_value::<Vec<Vec<i64>>>(g.arcs.clone()).map_err(|_| bad())?]
        }
        Some("MultiPolygon") => serde_json::from_value::<Vec<Vec<Vec<i64>>>>(g.arcs.clone()).map_err(|_| bad())?,
        _ => Vec::new(),
    };
    out.push(Feature { id, name, polygons });
    Ok(())
}

/// The points of a ring made of these arc references, taken from `arcs`
/// (which may be the decoded arcs or a simplified copy of them). The joining
/// point of consecutive arcs appears once. `None` when a reference is out of
/// range.
pub fn stitch<T: Copy>(arcs: &[Vec<T>], refs: &[i64]) -> Option<Vec<T>> {
    let mut ring: Vec<T> = Vec::new();
    for &r in refs {
        let arc = arcs.get(if r < 0 { !r } else { r } as usize)?;
        let skip = usize::from(!ring.is_empty());
        if r < 0 {
            ring.extend(arc.iter().rev().skip(skip).copied());
        } else {
            ring.extend(arc.iter().skip(skip).copied());
        }
    }
    Some(ring)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side sharing the edge x = 1, quantized with a
    /// scale of 0.5 and translated by (10, 20); a third feature with no
    /// geometry; a point.
    const TINY: &str = r#"{
      "type": "Topology",
      "transform": { "scale": [0.5, 0.5], "translate": [10, 20] },
      "objects": {
        "countries": { "type": "GeometryCollection", "geometries": [
          { "type": "Polygon", "arcs": [[0, 1]], "id": "004", "properties": { "name": "West" } },
          { "type": "MultiPolygon", "arcs": [[[2, -1]]], "id": 8, "properties": { "name": "East" } },
          { "type": null, "properties": { "name": "Nowhere" } },
          { "type": "Point", "coordinates": [1, 2], "id": "P" }
        ] }
      },
      "arcs": [
        [[2, 0], [0, 2]],
        [[2, 2], [-2, 0], [0, -2], [2, 0]],
        [[2, 0], [2, 0], [0, 2], [-2, 0]]
      ]
    }"#;

    #[test]
    fn decodes_delta_encoded_quantized_arcs() {
        let topo = parse(TINY).expect("parses");
        assert_eq!(topo.arcs[0], vec![[11.0, 20.0], [11.0, 21.0]]);
        assert_eq!(topo.arcs[1], vec![[11.0, 21.0], [10.0, 21.0], [10.0, 20.0], [11.0, 20.0]]);
        assert_eq!(topo.arcs[2], vec![[11.0, 20.0], [12.0, 20.0], [12.0, 21.0], [11.0, 21.0]]);
    }

    #[test]
    fn reads_features_ids_names_and_polygons() {
        let topo = parse(TINY).expect("parses");
        let f = &topo.objects["countries"];
        assert_eq!(f.len(), 4);
        assert_eq!(f[0].id.as_deref(), Some("004"));
        assert_eq!(f[0].name.as_deref(), Some("West"));
        assert_eq!(f[0].polygons, vec![vec![vec![0, 1]]]);
        assert_eq!(f[1].id.as_deref(), Some("8"));
        assert_eq!(f[1].polygons, vec![vec![vec![2, -1]]]);
        assert_eq!((f[2].id.as_deref(), f[2].polygons.len()), (None, 0));
        assert!(f[3].polygons.is_empty());
    }

    #[test]
    fn stitches_rings_with_reversed_arcs() {
        let topo = parse(TINY).expect("parses");
        let west = stitch(&topo.arcs, &[0, 1]).expect("in range");
        assert_eq!(west, vec![[11.0, 20.0], [11.0, 21.0], [10.0, 21.0], [10.0, 20.0], [11.0, 20.0]]);
        let east = stitch(&topo.arcs, &[2, -1]).expect("in range");
        assert_eq!(east, vec![[11.0, 20.0], [12.0, 20.0], [12.0, 21.0], [11.0, 21.0], [11.0, 20.0]]);
        assert_eq!(east.first(), east.last());
        assert!(stitch(&topo.arcs, &[7]).is_none());
    }

    #[test]
    fn without_transform_positions_are_absolute() {
        let arcs = decode_arcs(&[vec![vec![1.5, 2.5], vec![3.0, 4.0]]], None);
        assert_eq!(arcs, vec![vec![[1.5, 2.5], [3.0, 4.0]]]);
    }

    #[test]
    fn refuses_what_is_not_a_topology() {
        assert_eq!(parse(r#"{"type":"FeatureCollection"}"#), Err(TopoError::NotATopology));
        assert!(matches!(parse("{"), Err(TopoError::Json(_))));
        let bad = r#"{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"o":{"type":"Polygon","arcs":[[3]]}}}"#;
        assert_eq!(parse(bad), Err(TopoError::BadArc(3)));
        let shape = r#"{"type":"Topology","arcs":[],"objects":{"o":{"type":"Polygon","arcs":[0]}}}"#;
        assert!(matches!(parse(shape), Err(TopoError::BadGeometry(_))));
    }
}
